package jp.kakaritsuke.caselibrary.domain;

/** The seed's 分類: 診療所, 病院, 地域の連携, and 参考事例 for the reference cases. */
public enum CaseCategory { CLINIC, HOSPITAL, REGIONAL, REFERENCE }
