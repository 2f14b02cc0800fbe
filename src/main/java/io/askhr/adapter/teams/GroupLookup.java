package io.askhr.adapter.teams;

import java.util.Set;

/** Which of some Azure AD groups a user is a member of. */
interface GroupLookup {

  /** No lookup configured: nobody is known to be in any group. */
  GroupLookup NONE = (user, candidates) -> Set.of();

  /**
   * @param aadObjectId the user's Azure AD object id
   * @param candidates the group ids worth checking (those the audience map mentions)
   * @return the candidates the user is a member of
   */
  Set<String> memberOf(String aadObjectId, Set<String> candidates) throws Exception;
}
