/**
 * The questionnaire, the role profile (result page) and the assessment home. Internal; other modules' content
 * reaches these pages through the extension points in {@code base.ui.extension}.
 */
@NullMarked
package jp.kakaritsuke.assessment.ui;

import org.jspecify.annotations.NullMarked;
