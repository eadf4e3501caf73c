/** The report's items, a preparation's answers and the rules over them (1号 check, functions provided). */
@org.springframework.modulith.NamedInterface("domain")
@NullMarked
package jp.kakaritsuke.functionreport.domain;

import org.jspecify.annotations.NullMarked;
