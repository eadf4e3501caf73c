package jp.kakaritsuke.caselibrary.domain;

/** 好事例 (事例1–19) or 参考事例 (参考1–6). */
public enum CaseKind { CASE, REFERENCE }
