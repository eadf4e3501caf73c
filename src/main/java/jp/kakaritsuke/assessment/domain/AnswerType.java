package jp.kakaritsuke.assessment.domain;

/** How an indicator is answered. REPORT_SCALE is the かかりつけ医機能報告's own three-step scale. */
public enum AnswerType { YES_NO, NUMBER, REPORT_SCALE }
