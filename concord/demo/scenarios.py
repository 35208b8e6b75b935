"""How the demo's year of cases is made up: the routes cases take, and the mix of offences.

A route names each stage a case reaches and how mediation ended there, e.g.
``"police:failed > procuratorate:settled > close"``: mediation failed during the investigation,
succeeded at the review-for-prosecution stage, and the procuratorate closed the case
(non-prosecution). A stage without an outcome (``"police > procuratorate:…"``) was passed without
screening. Outcomes: ``registered`` (not yet screened), ``screening``, ``declined``, ``referred``,
``refused``, ``in_mediation``, ``withdrawn``, ``failed``, ``signed``, ``review``, ``rejected``,
``settled`` — the lifecycle steps each takes are in ``timeline.OUTCOME_STEPS``.

The weights follow the white paper (seeds/000): most minor-injury cases settle before trial;
those mediated at trial are 70 intentional injury, 7 picking quarrels, 6 illegal medical practice
and 6 personal-information cases of 89; the 2024 mediation rate was 64.44 %. With these weights
about 64 % of the criminal cases whose mediation has ended are settled.
"""

from __future__ import annotations

from concord.cases.choices import DisputeType

SCENARIOS: tuple[tuple[str, int], ...] = (
    # Still with the police (investigation stage).
    ("police:registered", 12),
    ("police:screening", 8),
    ("police:referred", 8),
    ("police:in_mediation", 14),
    ("police:signed", 6),
    ("police:review", 6),
    ("police:declined", 6),
    ("police:failed", 8),
    ("police:rejected", 4),
    ("police:withdrawn", 6),
    ("police:settled", 8),
    # A minor case settled during the investigation and closed by the police.
    ("police:settled > close", 40),
    # With the procuratorate.
    ("police > procuratorate", 5),
    ("police > procuratorate:screening", 5),
    ("police:failed > procuratorate:referred", 5),
    ("police > procuratorate:in_mediation", 10),
    ("police:withdrawn > procuratorate:signed", 4),
    ("police > procuratorate:review", 5),
    ("police:declined > procuratorate:declined", 4),
    ("police:failed > procuratorate:failed", 6),
    ("police > procuratorate:settled", 6),
    ("police:settled > procuratorate", 5),
    # Settled, then not prosecuted.
    ("police > procuratorate:settled > close", 30),
    ("police:failed > procuratorate:settled > close", 10),
    ("police:settled > procuratorate > close", 12),
    # At court (trial stage).
    ("police > procuratorate > court", 8),
    ("police > procuratorate > court:screening", 5),
    ("police:failed > procuratorate > court:referred", 5),
    ("police > procuratorate:withdrawn > court:in_mediation", 12),
    ("police > procuratorate > court:signed", 5),
    ("police > procuratorate > court:review", 6),
    ("police:declined > procuratorate:declined > court:declined", 4),
    ("police > procuratorate:failed > court:failed", 8),
    ("police > procuratorate > court:withdrawn", 6),
    ("police > procuratorate > court:settled", 8),
    # Judged.
    ("police > procuratorate > court:settled > close", 35),
    ("police:failed > procuratorate:failed > court:settled > close", 8),
    ("police > procuratorate > court:failed > close", 25),
    ("police > procuratorate > court:declined > close", 8),
    ("police > procuratorate > court:withdrawn > close", 12),
    ("police:failed > procuratorate > court:refused > close", 6),
    ("police > procuratorate > court:rejected > close", 5),
    # Civil disputes, registered and triaged by the centre.
    ("civil:registered", 6),
    ("civil:screening", 5),
    ("civil:declined", 5),
    ("civil:referred", 6),
    ("civil:refused", 6),
    ("civil:in_mediation", 18),
    ("civil:signed", 6),
    ("civil:review", 8),
    ("civil:settled", 85),
    ("civil:failed", 16),
    ("civil:rejected", 4),
    ("civil:withdrawn", 12),
)

# Offences of the cases that reach the court: the white paper's 89 trial-stage mediations.
TRIAL_MIX: tuple[tuple[str, int], ...] = (("234", 70), ("293", 7), ("336(1)", 6), ("253-1", 6))
# Offences of the cases that end before trial: mostly injury, some property damage, traffic and
# defamation.
EARLY_MIX: tuple[tuple[str, int], ...] = (
    ("234", 75),
    ("275", 8),
    ("133", 7),
    ("293", 5),
    ("246", 5),
)
# Offences the procuratorate prosecutes together with a civil public-interest suit: the white
# paper mediates them at trial, with the judge, so earlier stages pass them on unscreened.
PUBLIC_INTEREST_OFFENCES = frozenset({"336(1)", "253-1"})
CIVIL_MIX: tuple[tuple[str, int], ...] = (
    (DisputeType.NEIGHBOUR, 30),
    (DisputeType.LOAN, 25),
    (DisputeType.FAMILY, 20),
    (DisputeType.TRAFFIC, 15),
    (DisputeType.MEDICAL, 10),
)
