/** The report preparation over the JSON API (docs/api.md, 「Report preparations」). */
@NullMarked
package jp.kakaritsuke.functionreport.api;

import org.jspecify.annotations.NullMarked;
