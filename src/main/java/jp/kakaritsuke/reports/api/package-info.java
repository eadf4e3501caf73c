/**
 * The report downloads ({@code .xlsx}) over the API. Internal to the module.
 */
@NullMarked
package jp.kakaritsuke.reports.api;

import org.jspecify.annotations.NullMarked;
