/**
 * The action plan (issue 11): what a facility decided to do after an assessment — from a recommended practice or a
 * role — who does it, by when, and how it went. Internal to the facility (its viewers read, its editors change); a
 * consenting facility's association never sees it, because the plan is not a submitted result.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Action plan")
@NullMarked
package jp.kakaritsuke.actionplan;

import org.jspecify.annotations.NullMarked;
