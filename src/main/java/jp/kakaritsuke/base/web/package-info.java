/**
 * The API's problem+json errors, request-size limits and HTTP helpers shared by every controller.
 */
@NullMarked
package jp.kakaritsuke.base.web;

import org.jspecify.annotations.NullMarked;
