/** The editions, the preparations (authorised per facility) and the port the assessment module implements. */
@org.springframework.modulith.NamedInterface("service")
@NullMarked
package jp.kakaritsuke.functionreport.service;

import org.jspecify.annotations.NullMarked;
