package jp.kakaritsuke.caselibrary.domain;

import java.util.List;

/** One of the four questions of the 衛生部長会 survey (January 2022) with all its answers. */
public record SurveyQuestion(int number, String title, String questionText, String answerNote, List<SurveyAnswer> answers) {

    public SurveyQuestion {
        answers = List.copyOf(answers);
    }
}
