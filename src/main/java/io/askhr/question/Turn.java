package io.askhr.question;

/** One earlier message of the conversation, from the employee or from the bot. */
public record Turn(Role role, String text) {

  /** Who wrote the turn. */
  public enum Role { EMPLOYEE, BOT }

  public static Turn employee(String text) {
    return new Turn(Role.EMPLOYEE, text);
  }

  public static Turn bot(String text) {
    return new Turn(Role.BOT, text);
  }
}
