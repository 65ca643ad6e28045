"""core/readiness.py: one rule for whether a send, a test, a retry or a resume may start."""

from __future__ import annotations

import pytest

from usosmail_gui.core.readiness import (
    Blocker,
    Situation,
    resume_blocker,
    retry_blocker,
    same_installation,
    send_blocker,
)

URL = "https://usosapps.example.edu.pl/"
READY = Situation(has_list=True, connected_to=URL, recipient_chosen=True)


def test_a_ready_window_may_send_test_retry_and_resume_on_its_installation() -> None:
    assert send_blocker(READY) is None
    assert send_blocker(READY, test=True) is None
    assert retry_blocker(READY) is None
    assert resume_blocker(READY, "https://usosapps.example.edu.pl") is None


@pytest.mark.parametrize(
    ("situation", "blocker"),
    [
        (Situation(sending=True, loading=True), Blocker.SENDING),  # the first reason wins
        (Situation(loading=True, connected_to=URL), Blocker.LOADING),
        (Situation(connected_to=URL), Blocker.NO_LIST),
        (Situation(has_list=True), Blocker.NOT_CONNECTED),
    ],
)
def test_a_new_campaign_waits_for_the_send_the_list_and_the_connection_in_that_order(
    situation: Situation, blocker: Blocker
) -> None:
    assert send_blocker(situation) is blocker
    assert send_blocker(situation, test=True) is blocker


def test_a_test_needs_a_chosen_recipient_a_campaign_does_not() -> None:
    unchosen = Situation(has_list=True, connected_to=URL)
    assert send_blocker(unchosen) is None
    assert send_blocker(unchosen, test=True) is Blocker.NO_RECIPIENT


def test_a_retry_needs_no_list_but_no_other_confirmation_open() -> None:
    assert retry_blocker(Situation(connected_to=URL)) is None
    assert retry_blocker(Situation(connected_to=URL, confirmation_open=True)) is Blocker.CONFIRMATION_OPEN
    assert retry_blocker(Situation(sending=True, confirmation_open=True)) is Blocker.SENDING
    assert retry_blocker(Situation(confirmation_open=True)) is Blocker.NOT_CONNECTED


def test_a_resume_goes_only_through_the_campaigns_installation() -> None:
    assert resume_blocker(Situation(), URL) is Blocker.NOT_CONNECTED
    assert resume_blocker(Situation(sending=True, connected_to=URL), URL) is Blocker.SENDING
    other = Situation(connected_to="https://usosapps.other.edu.pl/")
    assert resume_blocker(other, URL) is Blocker.OTHER_INSTALLATION


def test_base_urls_of_one_installation_are_the_same_however_written() -> None:
    assert same_installation("https://usosapps.example.edu.pl", URL)
    assert not same_installation("https://usosapps.other.edu.pl/", URL)


def test_one_rule_names_an_installation_whatever_its_spelling() -> None:
    from usosmail_gui.core.campaign import other_installation
    from usosmail_gui.core.readiness import same_installation

    assert same_installation("https://usosapps.example.edu.pl/", "HTTPS://usosapps.example.edu.pl")
    assert same_installation("https://usosapps.example.edu.pl/", "http://usosapps.example.edu.pl/")  # D3
    assert not same_installation("http://127.0.0.1:8000/", "https://127.0.0.1:8000/")  # loopback stays http
    assert other_installation("c1", "https://usosapps.example.edu.pl/", "usosapps.example.edu.pl") is None
    refusal = other_installation("c1", "https://usosapps.example.edu.pl/", "https://usos.other.edu.pl/")
    assert refusal is not None and "Connect to https://usosapps.example.edu.pl/" in str(refusal)


def test_a_campaign_of_a_local_server_is_offered_at_start_only_while_talking_to_one() -> None:
    from usosmail_gui.core.readiness import offered_at_start

    assert offered_at_start(URL, None) and offered_at_start(URL, "https://usos.other.edu.pl/")
    assert not offered_at_start("http://127.0.0.1:9/", None)  # an earlier run's sandbox: gone
    assert not offered_at_start("http://localhost:9/", URL)
    assert offered_at_start("http://127.0.0.1:9/", "http://127.0.0.1:8000/")  # local servers in use
