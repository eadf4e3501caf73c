package jp.kakaritsuke.caselibrary.domain;

/** What sort of organisation a case is (derived for reference cases): the basis of "a clinic is most like clinics". */
public enum FacilityKind { CLINIC, HOSPITAL, ASSOCIATION }
