package jp.kakaritsuke.facility.domain;

/** 大都市 / 地方都市 / 郡部・へき地: where the facility works shapes what かかりつけ医機能 means there. */
public enum AreaType { METROPOLITAN, REGIONAL_CITY, RURAL }
