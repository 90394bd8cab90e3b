@lab @evidence
Feature: A scenario leaves evidence of what happened on its network
  Someone chasing a flaky network bug needs more than a red line in a report: the packets that
  crossed each link, and when each step, probe and wait happened and how long every wait took
  against its budget. The lab records them without changing any node's image.

  Background:
    Given the "evidence-pair" lab is running

  @capture
  Scenario: what crosses a link is in that link's packet capture
    When a pings b
    Then b answers
    And the capture of the link between a and b holds a's echo requests and b's replies
    But the capture of the link between b and c holds no echo request from a

  Scenario: a wait is on the timeline with the time it took against its budget
    Given the link between a and b went down
    When the link between a and b comes back up
    Then a reaches b again within the link change budget
    And the timeline shows that wait within the link change budget, after the step that brought the link back
