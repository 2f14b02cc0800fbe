package io.askhr.question;

/** Where a question came from. */
public enum Platform { SLACK, TEAMS, WEB, CLI }
