package jp.kakaritsuke.assessment.domain;

/** A round is edited as a DRAFT and becomes immutable once SUBMITTED. */
public enum RoundStatus { DRAFT, SUBMITTED }
