@hesiod @delegation
Feature: A resolver reaches the Hesiod server by following the parent's delegation
  Sites publish Hesiod data under their own domain: the parent zone (served by BIND) delegates
  the Hesiod subdomain to our server with NS and glue records. A workstation whose resolver
  knows only the parent must still find its accounts.

  Background:
    Given the "hesiod-delegation" lab is running

  Scenario: a workstation behind a recursive resolver resolves an account
    When ws3 looks up the account "alice"
    Then the account has uid 1001, gid 1001, home "/home/alice" and shell "/bin/bash"

  Scenario: the parent refers to our server rather than answering for it
    When the resolver asks the parent for the passwd record of "alice"
    Then the parent answers with a referral to our Hesiod server
