/** The 報告準備 page; {@code CrosswalkNote} is embedded in the assessment's result page. */
@org.springframework.modulith.NamedInterface("ui")
package jp.kakaritsuke.functionreport.ui;
