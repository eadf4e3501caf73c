package jp.kakaritsuke.base;

/**
 * 大都市 / 地方都市 / 郡部・へき地: where a facility works shapes what かかりつけ医機能 means there. Shared by facilities
 * and the case library (where it is derived for each case, see docs/data-sources.md). The order matters: adjacent
 * values count as half similar in the scoring.
 */
public enum AreaType { METROPOLITAN, REGIONAL_CITY, RURAL }
