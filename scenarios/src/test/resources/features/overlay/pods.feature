@overlay
Feature: Pods on different Kubernetes nodes reach each other over the overlay
  Each node owns a pod subnet and advertises it through the overlay; the controller hands it to
  the other members as a managed route via that node, so a pod on one node reaches the pods on
  every other node as the cluster network of a Kubernetes cluster would.

  Background:
    Given the "overlay-k8s" lab is running

  Scenario: pods on three nodes reach each other over IPv4 and IPv6
    Given k8s-1, k8s-2 and k8s-3 are waiting for authorisation
    When the operator authorises k8s-1, k8s-2 and k8s-3
    Then every pod answers every other pod over IPv4 and IPv6 within the overlay join budget
    And the controller shows the pod subnets each of k8s-1, k8s-2 and k8s-3 advertises, and the others route them via it
