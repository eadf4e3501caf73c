package jp.kakaritsuke.functionreport.domain;

/** A preparation's state; a facility with none for the year has not started. */
public enum PreparationStatus { DRAFT, SUBMITTED }
