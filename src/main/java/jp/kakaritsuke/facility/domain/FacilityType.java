package jp.kakaritsuke.facility.domain;

/** 診療所 / 病院 / 医師会・地域連携組織: the same three kinds the case library knows. */
public enum FacilityType { CLINIC, HOSPITAL, ASSOCIATION }
