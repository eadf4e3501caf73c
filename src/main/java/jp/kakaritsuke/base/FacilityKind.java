package jp.kakaritsuke.base;

/**
 * 診療所 / 病院 / 医師会・地域連携組織: what sort of organisation a facility is, and the same three kinds the case library
 * gives its cases (derived for reference cases): the basis of "a clinic is most like clinics", of a questionnaire's
 * audiences and of who prepares the function report. One type for facilities, cases and rounds.
 */
public enum FacilityKind { CLINIC, HOSPITAL, ASSOCIATION }
