/** The case library's domain types, shared with other modules (scoring, questionnaire). */
@org.springframework.modulith.NamedInterface("domain")
@NullMarked
package jp.kakaritsuke.caselibrary.domain;

import org.jspecify.annotations.NullMarked;
