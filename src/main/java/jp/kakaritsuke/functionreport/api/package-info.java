/** The report preparation over the JSON API (docs/api.md, 「Report preparations」). */
package jp.kakaritsuke.functionreport.api;
