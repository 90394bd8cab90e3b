@hesiod
Feature: Hesiod data is served in class HS and in class IN
  Hesiod's own class is HS, but Debian's Hesiod client asks in class IN only. The name server
  answers both, each in the class that was asked, with the same data and with authority.

  Background:
    Given the "hesiod-basic" lab is running

  Scenario Outline: the passwd record of an account in class <class>
    When ws1 asks the name server for the passwd record of "alice" in class <class>
    Then the answer is authoritative and holds "alice:*:1001:1001:Alice Liddell,,,:/home/alice:/bin/bash" in class <class>

    Examples:
      | class |
      | HS    |
      | IN    |

  Scenario: a name outside the server's zones is refused
    When ws1 asks the name server for the passwd record of "alice" in a zone it does not serve
    Then the name server refuses to answer
