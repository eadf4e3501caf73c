/**
 * The security filter chain, method security and session handling. Internal to the module.
 */
@NullMarked
package jp.kakaritsuke.identity.config;

import org.jspecify.annotations.NullMarked;
