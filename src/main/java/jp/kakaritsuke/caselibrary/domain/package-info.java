/** The case library's domain types, shared with other modules (scoring, questionnaire). */
@org.springframework.modulith.NamedInterface("domain")
package jp.kakaritsuke.caselibrary.domain;
