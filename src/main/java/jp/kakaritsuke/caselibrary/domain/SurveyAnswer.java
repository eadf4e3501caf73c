package jp.kakaritsuke.caselibrary.domain;

/** One answer of the 衛生部長会 survey; {@code prefecture} is the respondent itself or the prefecture its city lies in. */
public record SurveyAnswer(int questionNumber, int number, String respondent, RespondentType respondentType,
                           String prefecture, String text) {
}
