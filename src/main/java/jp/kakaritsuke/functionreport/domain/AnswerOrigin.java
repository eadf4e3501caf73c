package jp.kakaritsuke.functionreport.domain;

/** Where an answer came from: typed here, pre-filled from the same question of the self-assessment, or last year's. */
public enum AnswerOrigin { ENTERED, PREFILLED, CARRIED }
