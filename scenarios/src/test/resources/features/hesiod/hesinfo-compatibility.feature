@hesiod @hesinfo
Feature: Our hesinfo answers exactly like Debian's
  Scripts on workstations parse what hesinfo prints. Our own Hesiod client must be a drop-in
  replacement for the classic tool: same output, same messages, same exit status, on the same
  workstation against the same server.

  Background:
    Given the "hesiod-basic" lab is running

  Scenario Outline: the <map> entry of "<key>" in <form> form
    When ws1 asks Debian's hesinfo and ours for the <map> entry of "<key>" in <form> form
    Then both clients print the same and exit alike

    Examples:
      | map    | key     | form             |
      | passwd | alice   | plain            |
      | uid    | 1001    | plain            |
      | group  | netops  | plain            |
      | passwd | alice   | DNS name         |
      | pobox  | bob     | long             |
      | filsys | alice   | DNS name and long |
      | passwd | mallory | plain            |
      | passwd | mallory | long             |
