package jp.kakaritsuke.caselibrary.domain;

/** One item of a reference case's 特に注目すべきポイント; {@code practiceNumber} is its circled number. */
public record Highlight(Integer practiceNumber, String text) {
}
