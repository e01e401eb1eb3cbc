#!/usr/bin/env python
"""Benchmark: the unified search on a large French corpus, next to SQLite FTS5, and the cost of indexing on save().

Self-contained and single-process: it migrates a throwaway SQLite database and creates a Whoosh index in a
temporary folder, generates N French items deterministically (seeded), writes them into the index with the
project's own backend (its schema, French analyzer and value conversion, through one large Whoosh writer)
and into an SQLite FTS5 table (`unicode61 remove_diacritics 2`). Then, in rounds alternating the engines
(A B, B A, ...), it times what the search page asks of each: page 1 of 20 results and the total count, with
and without facets, through the real `extranet.search.selectors.search_run`; FTS5 runs the equivalent SQL
(bm25 order, LIMIT 20, COUNT, GROUP BY for the facets). Last, it times `Ad.save()` and an author's edit through
the ads service with the project's queued signal processor (a task row written in the same transaction) against
no processor, in alternating rounds, and the task worker's side: re-indexing one item in the large index.

    .venv/bin/python bench/search.py [--items 100000] [--rounds 5]
    .venv/bin/python bench/search.py --quick        # 5,000 items, 2 rounds: a smoke run
    .venv/bin/python bench/search.py --workdir /tmp/bench-search --no-saves   # build once, then reuse

With `--workdir`, the database, the Whoosh index and the FTS5 table are kept in that folder and reused by
the next run with the same number of items on the same day (the corpus' dates are relative to today), so
that the searches can be timed again in a minute while tuning; `--no-saves` leaves out the save() timings
(which add ads to the index).

The Markdown report is printed and written to bench/results/search.md (git-ignored).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import random
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _reporting import cpu_model, ms, percentile, report_write, version

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results" / "search.md"
PAGE_SIZE = 20  # extranet.search.views.PAGE_SIZE
SEED = 20240611
# The corpus' "today", midnight UTC: its dates span the ten years before it (offers expire relative to it).
NOW = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
YEARS = range(NOW.year - 9, NOW.year + 1)

# --- The corpus -------------------------------------------------------------------------------------

# Words of French local government, inflected and accented as they are written. The order gives their
# frequency (Zipf-like): the first words appear in a large share of the items, the last ones rarely.
VOCABULARY = """
commune communes conseil municipal municipale réunion réunions travaux délibération délibérations
subvention subventions voirie élèves école écoles marché public publique publics mairie services
service intercommunalité intercommunal intercommunale communautaire projet projets association
associations budget dépenses recettes séance ordre jour approuve approuvé approuvée autorise autorisé
maire adjoint adjoints élus conseillers commission commissions scolaire scolaires restauration cantine
transport transports aménagement aménagements urbanisme logement logements habitants population
rénovation énergétique bâtiments bâtiment communal communaux communale salle fêtes gymnase piscine
stade équipements équipement sportif sportifs culturel culturelle culture bibliothèque médiathèque
jeunesse enfance crèche périscolaire loisirs centre vacances rentrée inscription inscriptions
assainissement eau potable réseau réseaux déchets collecte tri recyclage environnement espaces verts
cimetière église patrimoine tourisme office départemental départementale département région
préfecture État dotation dotations fiscalité taxe foncière tarifs tarif régie convention conventions
partenariat contrat contrats avenant appel offres consultation attribution lot lots prestataire
entreprise entreprises devis facture paiement remboursement indemnité indemnités vote votes
approbation modification modifications création suppression renouvellement prolongation fermeture
ouverture agent agents recrutement poste emploi emplois secrétaire technique techniques formation
formations sécurité police vidéoprotection stationnement circulation chaussée trottoirs trottoir
piste cyclable cyclables mobilité mobilités numérique fibre optique énergie chauffage éclairage
lampadaires accessibilité handicap personnes âgées solidarité social sociale sociaux action actions
santé médecin maison pluridisciplinaire pharmacie commerce commerces commerçants artisans marchés
foire brocante fête cérémonie commémoration anniversaire jumelage bénévoles bénévolat sinistre
intempéries inondation sécheresse arrêté arrêtés décision décisions procès-verbal compte rendu
comptes administratif primitif supplémentaire exercice investissement fonctionnement emprunt
emprunts garantie trésorerie excédent déficit reprise résultats affectation amortissement
acquisition cession terrain terrains parcelle parcelles bail location loyer loyers immeuble
propriété servitude bornage cadastre lotissement permis construire déclaration préalable plan local
zonage enquête publique concertation réglementation règlement intérieur statuts compétence
compétences transfert mutualisation groupement commande adhésion syndicat syndicats mixte
retrait représentants délégués désignation élection installation démission
""".split()

# Everyday words: most of a text, so that the words above find a realistic share of the items.
FILLER = """
année années mois semaine jour jours prochain prochaine dernier dernière nouveau nouvelle nouveaux premier
première deuxième ensemble demande demandes dossier dossiers information informations question questions
réponse suite cadre objet point points lieu date dates heure heures matin soir après-midi lundi mardi
mercredi jeudi vendredi samedi janvier février mars avril mai juin juillet août septembre octobre novembre
décembre personne personnes famille familles enfant enfants parents groupe groupes membre membres présent
présents présente absent excusé pouvoir proposition propositions présentation rapport rapports document
documents pièce jointe courrier courriers message réunir prévoir prévu prévue permettre assurer mettre
place mise œuvre faire fait suivre travail situation besoin besoins moyens montant montants euros total
coût coûts prix part partie parties secteur quartier quartiers rue village ville bourg hameau territoire
territoires local locale locaux général générale particulier possible nécessaire important importante
""".split()
STOP_WORDS = "de la le les des du pour et au aux sur dans avec à en par un une".split()
KINDS = {
    # kind: (weight, haystack content type, URL prefix)
    "act": (30, "acts.actpage", "/actes/"),
    "notice": (25, "notices.noticepage", "/avis/"),
    "space": (20, "organisations.spacearticlepage", "/espaces/"),
    "aid": (8, "aids.aidpage", "/aides/"),
    "job": (8, "jobs.jobofferpage", "/emplois/"),
    "ad": (7, "ads.ad", "/annonces/"),
    "organisation": (2, "organisations.organisation", "/organisations/"),
}
PLACES = """
jargeau darvoy sandillon saint-denis-de-l-hotel ferolles ouvrouer-les-champs tigy vienne-en-val sully-sur-loire
chateauneuf-sur-loire saint-benoit-sur-loire germigny-des-pres bonnee les-bordes ouzouer-sur-loire
saint-aignan-des-gues dampierre-en-burly lion-en-sullias guilly neuvy-en-sullias viglain villemurlin
cerdon isdes vannes-sur-cosson sennely marcilly-en-villette menestreau-en-villette la-ferte-saint-aubin
ardon jouy-le-potier ligny-le-ribault mareau-aux-pres mezieres-lez-clery clery-saint-andre dry lailly-en-val
beaugency tavers baule messas meung-sur-loire huisseau-sur-mauves saint-ay chaingy
""".split()
ORGANISATIONS = [*PLACES, "cc-des-loges", "cc-val-de-sully", "cc-terres-du-val-de-loire", "departement-loiret"]
RARE_WORDS = "rue avenue chemin allée impasse place route quai".split()
QUERIES = {
    "1 word": ["subvention", "voirie", "réunion", "élèves", "travaux", "délibération", "logement", "déchets"],
    "2 words": [
        "marché public",
        "conseil municipal",
        "transport scolaire",
        "subvention association",
        "rénovation énergétique",
        "eau potable",
        "espaces verts",
        "appel offres",
    ],
    "3 words": [
        "restauration scolaire élèves",
        "délibération conseil municipal",
        "travaux voirie communale",
        "subvention association sportive",
        "éclairage public rénovation",
        "marché public attribution",
        "logement social rénovation",
        "collecte déchets tri",
    ],
}


def zipf_weights(count: int, exponent: float = 1.0) -> list[float]:
    return [1 / (rank + 1) ** exponent for rank in range(count)]


@dataclass
class Item:
    pk: int
    kind: str
    content_type: str
    organisation: str
    title: str
    body: str
    date: datetime
    expires: datetime | None
    visibility: list[str]
    url: str


class Corpus:
    """N items generated deterministically from SEED: same items, same order, on every run."""

    def __init__(self, size: int, seed: int = SEED):
        self.size = size
        self.seed = seed

    def __iter__(self):
        rng = random.Random(self.seed)  # noqa: S311 -- a reproducible corpus, not a secret
        weights = zipf_weights(len(VOCABULARY))
        kinds = list(KINDS)
        kind_weights = [KINDS[kind][0] for kind in kinds]
        span = int((NOW - datetime(YEARS[0], 1, 1, tzinfo=UTC)).total_seconds())

        def words(count: int) -> list[str]:
            chosen = [
                rng.choices(VOCABULARY, weights)[0] if rng.random() < 0.3 else rng.choice(FILLER) for _ in range(count)
            ]
            # One word in three is a stop word, as in real sentences ("la voirie de la commune").
            return [word if rng.random() > 0.33 else f"{rng.choice(STOP_WORDS)} {word}" for word in chosen]

        for pk in range(1, self.size + 1):
            kind = rng.choices(kinds, kind_weights)[0]
            _weight, content_type, prefix = KINDS[kind]
            organisation = rng.choice(ORGANISATIONS)
            title = " ".join(words(rng.randint(4, 9))).capitalize()
            sentences = []
            for _sentence in range(rng.randint(3, 9)):
                sentence = words(rng.randint(8, 16))
                if rng.random() < 0.3:
                    sentence.append(f"{rng.choice(RARE_WORDS)} {rng.choice(PLACES).replace('-', ' ').title()}")
                if rng.random() < 0.2:
                    sentence.append(f"n° {rng.randint(2015, 2025)}-{rng.randint(1, 400):03d}")
                sentences.append(" ".join(sentence).capitalize() + ".")
            date = NOW - timedelta(seconds=rng.randrange(span))
            expires = None
            if kind in {"ad", "job", "aid"}:
                # Offers end after their date; most of the old ones are over (and must not be found).
                expires = date + timedelta(days=rng.randint(30, 730))
            roll = rng.random()
            if kind == "space" or roll < 0.05:
                visibility = [f"org{rng.randint(1, 60)}"]
            elif roll < 0.08:
                visibility = ["members"]
            else:
                visibility = ["public"]
            yield Item(
                pk=pk,
                kind=kind,
                content_type=content_type,
                organisation=organisation if kind != "organisation" or rng.random() < 0.5 else "",
                title=title,
                body=" ".join(sentences),
                date=date,
                expires=expires,
                visibility=visibility,
                url=f"{prefix}{pk}/",
            )


# --- Django, the Whoosh index and the FTS5 table ----------------------------------------------------


def configure_django(workdir: Path) -> None:
    """The project's real settings (config.settings), on a throwaway database, index and media folder."""
    for key in ("DJANGO_SETTINGS_MODULE", "REDIS_URL", "TASKS_BACKEND", "SEARCH_URL", "DATABASE_URL"):
        os.environ.pop(key, None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="0",  # DEBUG=1 would record every SQL query in memory and slow the saves measured
        SECRET_KEY="bench-only-secret-key",  # noqa: S106 -- a throwaway site in a temporary folder
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_MANIFEST="0",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        SEARCH_URL=f"whoosh://{workdir / 'whoosh'}",
        MEDIA_ROOT=str(workdir / "media"),
        LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def whoosh_documents(items, backend):
    """The documents haystack's `update()` would write for these items: same fields, same conversion."""
    from extranet.search.indexes import NEVER

    for item in items:
        document = {
            "id": f"{item.content_type}.{item.pk}",
            "django_ct": item.content_type,
            "django_id": str(item.pk),
            "text": f"{item.title}\n{item.body}",
            "title": item.title,
            "title_auto": item.title,
            "kind": item.kind,
            "kind_exact": item.kind,
            "organisation": item.organisation,
            "organisation_exact": item.organisation,
            "date": item.date,
            "date_exact": item.date,
            "expires": item.expires or NEVER,
            "url": item.url,
            "visibility": item.visibility,
        }
        if item.kind == "ad":
            document |= {
                "ad_kind": "pret",
                "ad_kind_exact": "pret",
                "category": "materiel",
                "category_exact": "materiel",
            }
        yield {key: backend._from_python(value) for key, value in document.items()}


def build_whoosh(corpus: Corpus) -> float:
    """Write the corpus with one Whoosh writer (as `rebuild_index` would, without the database reads)."""
    from haystack import connections

    backend = connections["default"].get_backend()
    backend.clear()
    started = time.perf_counter()
    writer = backend.index.writer(limitmb=256)
    for document in whoosh_documents(corpus, backend):
        writer.add_document(**document)
    writer.commit()
    return time.perf_counter() - started


FTS_SCHEMA = """
CREATE TABLE items (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, organisation TEXT NOT NULL, date TEXT NOT NULL,
    year INTEGER NOT NULL, expires TEXT NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL
);
CREATE TABLE item_audiences (token TEXT NOT NULL, item_id INTEGER NOT NULL, PRIMARY KEY (token, item_id))
    WITHOUT ROWID;
CREATE VIRTUAL TABLE items_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
"""


def build_fts(corpus: Corpus, path: Path) -> tuple[sqlite3.Connection, float]:
    database = sqlite3.connect(path)
    database.executescript(FTS_SCHEMA)
    started = time.perf_counter()
    with database:
        for item in corpus:
            expires = (item.expires or datetime(9999, 12, 31, tzinfo=UTC)).isoformat()
            database.execute(
                "INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    item.pk,
                    item.kind,
                    item.organisation,
                    item.date.isoformat(),
                    item.date.year,
                    expires,
                    item.title,
                    item.url,
                ),
            )
            database.executemany("INSERT INTO item_audiences VALUES (?, ?)", [(t, item.pk) for t in item.visibility])
            database.execute(
                "INSERT INTO items_fts(rowid, title, body) VALUES (?, ?, ?)", (item.pk, item.title, item.body)
            )
    database.execute("INSERT INTO items_fts(items_fts) VALUES ('optimize')")
    database.commit()
    return database, time.perf_counter() - started


# --- The queries ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    label: str
    queries: list[str]
    facets: bool = False
    kind: str = ""
    year: int | None = None


def cases() -> list[Case]:
    return [
        Case("1 word", QUERIES["1 word"]),
        Case("2 words", QUERIES["2 words"]),
        Case("3 words", QUERIES["3 words"]),
        Case("1 word, faceted (the search page)", QUERIES["1 word"], facets=True),
        Case("2 words, kind + year filters, faceted", QUERIES["2 words"], facets=True, kind="act", year=YEARS[-3]),
    ]


def whoosh_page(case: Case, query: str, user) -> tuple[int, int, dict]:
    """What extranet.search.views.search asks: the count, page 1 of 20 (read), and the facets."""
    from django.core.paginator import Paginator

    from extranet.search.selectors import SearchFilters, search_run

    filters = SearchFilters(kind=case.kind, year=case.year, facets=case.facets)
    results = search_run(user=user, query=query, filters=filters)
    page = Paginator(results, PAGE_SIZE).get_page(1)
    titles = [result.title for result in page]
    facets = results.facet_counts() if case.facets else {}
    return page.paginator.count, len(titles), facets


def fts_match(query: str) -> str:
    return " ".join('"{}"'.format(word.replace('"', '""')) for word in query.split())


def fts_page(database: sqlite3.Connection, case: Case, query: str, audiences: list[str]) -> tuple[int, int, dict]:
    """The same page from FTS5: bm25 order, LIMIT 20, a COUNT, and the facets with GROUP BY."""
    tokens = ", ".join("?" * len(audiences))
    # Only placeholders are formatted into the SQL; every value is a parameter.
    audience = f"EXISTS (SELECT 1 FROM item_audiences a WHERE a.item_id = items.id AND a.token IN ({tokens}))"  # noqa: S608
    where = f"items_fts MATCH ? AND items.expires > ? AND {audience}"
    params: list = [fts_match(query), datetime.now(UTC).isoformat(), *audiences]
    if case.kind:
        where += " AND items.kind = ?"
        params.append(case.kind)
    if case.year:
        where += " AND items.year = ?"
        params.append(case.year)
    source = f"FROM items_fts JOIN items ON items.id = items_fts.rowid WHERE {where}"
    rows = database.execute(
        f"SELECT items.id, items.title, items.url {source} ORDER BY bm25(items_fts) LIMIT {PAGE_SIZE}", params
    ).fetchall()
    count = database.execute(f"SELECT COUNT(*) {source}", params).fetchone()[0]
    facets: dict = {}
    if case.facets:
        facets = {"kind": Counter(), "organisation": Counter(), "year": Counter()}
        grouped = f"SELECT items.kind, items.organisation, items.year, COUNT(*) {source} GROUP BY 1, 2, 3"
        for kind, organisation, year, number in database.execute(grouped, params):
            facets["kind"][kind] += number
            facets["organisation"][organisation] += number
            facets["year"][year] += number
    return count, len(rows), facets


def search_user():
    """A member of two organisations (public, members, org1, org2, user and kind tokens), as most users are."""
    from extranet.accounts.models import User
    from extranet.organisations.models import Membership, Organisation

    existing = User.objects.filter(email="bench@example.org").first()
    if existing:  # a kept work folder (--workdir)
        return existing
    user = User.objects.create_user(email="bench@example.org", password="bench-password-1")  # noqa: S106
    for number in (1, 2):
        organisation = Organisation.objects.create(
            name=f"Commune {number}", slug=f"commune-{number}", kind="commune", insee_code=f"4500{number}"
        )
        Membership.objects.create(user=user, organisation=organisation, role="member")
    return user


def timed(function, *args) -> tuple[float, object]:
    started = time.perf_counter()
    outcome = function(*args)
    return time.perf_counter() - started, outcome


def run_searches(args, database, user) -> tuple[dict, dict]:
    from extranet.search.selectors import search_audiences_for

    audiences = search_audiences_for(user=user)
    timings: dict[tuple[str, str], list[float]] = {}
    hits: dict[tuple[str, str], list[int]] = {}
    engines = {
        "Whoosh (haystack)": lambda case, query: whoosh_page(case, query, user),
        "SQLite FTS5": lambda case, query: fts_page(database, case, query, audiences),
    }
    for case in cases():  # warm-up: open files, fill the OS cache, compile the SQL
        for run in engines.values():
            run(case, case.queries[0])
    for round_number in range(args.rounds):
        order = list(engines.items()) if round_number % 2 == 0 else list(reversed(engines.items()))
        for case in cases():
            for name, run in order:
                for query in case.queries:
                    elapsed, (count, shown, _facets) = timed(run, case, query)
                    timings.setdefault((case.label, name), []).append(elapsed)
                    hits.setdefault((case.label, name), []).append(count)
        print(f"round {round_number + 1}/{args.rounds} of searches done", flush=True)
    return timings, hits


# --- save() with and without indexing ---------------------------------------------------------------


def run_saves(args) -> dict:
    """Ad.save() in a transaction, with the queued signal processor connected or not, rounds alternated."""
    from django.apps import apps
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult
    from haystack import connection_router, connections

    from extranet.accounts.models import User
    from extranet.ads.models import Ad, AdCategory, AdKind, AdStatus
    from extranet.ads.services import ad_update
    from extranet.organisations.models import Organisation
    from extranet.search.services import search_documents_refresh
    from extranet.search.signals import QueuedSignalProcessor

    # The processor config.settings installed at start-up: disconnected for the rounds without indexing.
    installed = apps.get_app_config("haystack").signal_processor
    installed.teardown()
    queued = QueuedSignalProcessor(connections, connection_router)
    queued.teardown()

    organisation = Organisation.objects.get(slug="commune-1")
    author = User.objects.get(email="bench@example.org")
    published = NOW.replace(year=NOW.year + 5)

    def loan_ads(title: str, description: str, **state) -> list:
        """Ten loans of the bench user's commune, in the given moderation state."""
        return [
            Ad.objects.create(
                organisation=organisation,
                author=author,
                kind=AdKind.LOAN,
                category=AdCategory.EQUIPMENT,
                title=f"{title} n° {number}",
                description=description,
                **state,
            )
            for number in range(10)
        ]

    ads = loan_ads(
        "Prêt d'une nacelle élévatrice",
        "Nacelle de 12 mètres, révisée en mars. À retirer aux services techniques de la mairie.",
        status=AdStatus.PUBLISHED,
        published_at=datetime.now(UTC),
        expires_at=published,
    )
    pending = loan_ads(
        "Prêt d'un broyeur de végétaux",
        "Broyeur thermique, entretenu chaque année. À retirer au centre technique municipal.",
        status=AdStatus.PENDING,
    )

    def save(ad, number):
        with transaction.atomic():
            ad.title = f"Prêt d'une nacelle élévatrice, modifié {number}"
            ad.save()

    def service_save(ad, number):
        """What an author's edit does: the ads service's checks, full_clean and save, in the request's transaction."""
        with transaction.atomic():
            ad_update(
                ad=ad,
                organisation=organisation,
                kind=AdKind.LOAN,
                category=AdCategory.EQUIPMENT,
                title=f"Prêt d'un broyeur de végétaux, modifié {number}",
                description=ad.description,
            )

    variants = {
        "without indexing": (save, ads, None),
        "with the queued processor": (save, ads, queued),
        "service, without indexing": (service_save, pending, None),
        "service, with the queued processor": (service_save, pending, queued),
    }
    timings: dict[str, list[float]] = {name: [] for name in variants}
    tasks_before = DBTaskResult.objects.count()
    for round_number in range(args.rounds * 2):
        order = list(variants.items()) if round_number % 2 == 0 else list(reversed(variants.items()))
        for name, (saver, targets, processor) in order:
            if processor:
                processor.setup()
            try:
                for number in range(args.saves):
                    elapsed, _ = timed(saver, targets[number % len(targets)], number)
                    timings[name].append(elapsed)
            finally:
                if processor:
                    processor.teardown()
    tasks_written = DBTaskResult.objects.count() - tasks_before

    worker = []
    for ad in ads:
        elapsed, _ = timed(lambda ad=ad: search_documents_refresh(model=Ad, pks=[ad.pk]))
        worker.append(elapsed)
    installed.setup()
    return {"saves": timings, "tasks": tasks_written, "worker": worker}


# --- The report -------------------------------------------------------------------------------------


def report(args, build, timings, hits, saves) -> str:
    whoosh_build, fts_build = build
    lines = [
        "# Unified search: haystack + Whoosh on a French corpus, next to SQLite FTS5",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {os.cpu_count()} cores ({cpu_model()}), {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, Django {version('Django')}, django-haystack "
        f"{version('django-haystack')}, Whoosh-Reloaded {version('Whoosh-Reloaded')}, SQLite {sqlite3.sqlite_version}",
        f"- Corpus: {args.items:,} generated French items (seed {SEED}), {args.rounds} rounds alternating the "
        f"engines, {len(QUERIES['1 word'])} queries per type and round. "
        + (
            f"Indexing took {whoosh_build:.0f} s (Whoosh) and {fts_build:.0f} s (FTS5)."
            if whoosh_build == whoosh_build  # not NaN: built in this run
            else "Indexes built by an earlier run (--workdir)."
        ),
        "- Each figure: `search_run` as the search page calls it (count + page 1 of 20, facets where said), "
        "for a member of two organisations; FTS5: the same filters in SQL, bm25 order, LIMIT 20 + COUNT "
        "(+ GROUP BY for the facets).",
        "",
        "| Query | Whoosh p50 (ms) | Whoosh p95 (ms) | FTS5 p50 (ms) | FTS5 p95 (ms) | p95 vs FTS5 "
        "| Median hits (Whoosh / FTS5) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for case in cases():
        whoosh, fts = timings[(case.label, "Whoosh (haystack)")], timings[(case.label, "SQLite FTS5")]
        lines.append(
            f"| {case.label} | {ms(statistics.median(whoosh))} | {ms(percentile(whoosh, 0.95))} "
            f"| {ms(statistics.median(fts))} | {ms(percentile(fts, 0.95))} "
            f"| {percentile(whoosh, 0.95) / percentile(fts, 0.95):.1f}× "
            f"| {statistics.median(hits[(case.label, 'Whoosh (haystack)')]):,.0f} / "
            f"{statistics.median(hits[(case.label, 'SQLite FTS5')]):,.0f} |"
        )
    lines += [
        "",
        "Whoosh stems French words (`élèves` also finds `élève`), FTS5's unicode61 tokenizer only folds "
        "accents, hence more hits for Whoosh.",
        "",
    ]
    save_timings = saves["saves"]
    without = save_timings["without indexing"]
    if not without:  # --no-saves
        return "\n".join(lines)

    def row(label, name, baseline):
        values, base = save_timings[name], save_timings[baseline]
        ratio = statistics.median(values) / statistics.median(base)
        return f"| {label} | {ms(statistics.median(values))} | {ms(percentile(values, 0.95))} | {ratio:.2f}× |"

    lines += [
        f"## Saves in a transaction ({len(without)} per variant, alternating rounds)",
        "",
        "| Variant | p50 (ms) | p95 (ms) | vs without indexing |",
        "| --- | ---: | ---: | ---: |",
        row("`Ad.save()` without indexing", "without indexing", "without indexing"),
        row("`Ad.save()` with the queued processor (task row)", "with the queued processor", "without indexing"),
        row("`ad_update()` (an author's edit) without indexing", *["service, without indexing"] * 2),
        row(
            "`ad_update()` with the queued processor",
            "service, with the queued processor",
            "service, without indexing",
        ),
        f"| task worker: re-index one ad in the {args.items:,}-item index | {ms(statistics.median(saves['worker']))} "
        f"| {ms(percentile(saves['worker'], 0.95))} | – |",
        "",
        f"Task rows written by the queued saves: {saves['tasks']} (one per save).",
        "",
    ]
    return "\n".join(lines)


# --- Main -------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000, help="items in the corpus (default 100000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per engine and query type (default 5)")
    parser.add_argument("--saves", type=int, default=100, help="saves per variant and round (default 100)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 5000 items, 2 rounds, 30 saves")
    parser.add_argument("--output", type=Path, default=RESULTS, help="Markdown report (default: %(default)s)")
    parser.add_argument(
        "--workdir", type=Path, help="keep the database and indexes in this folder, and reuse them if built already"
    )
    parser.add_argument("--no-saves", action="store_true", help="time the searches only, not save()")
    args = parser.parse_args()
    if args.quick:
        args.items, args.rounds, args.saves = 5_000, 2, 30
    if not (0 < args.items <= 1_000_000 and 0 < args.rounds <= 50 and 0 < args.saves <= 10_000):
        parser.error("keep the load bounded: items <= 1000000, rounds <= 50, saves <= 10000")

    # A SIGTERM (from `timeout`, say) unwinds through the `with` below, which removes the temporary folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    with contextlib.ExitStack() as stack:
        if args.workdir:
            workdir = args.workdir.resolve()
            workdir.mkdir(parents=True, exist_ok=True)
        else:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="territoires-bench-search-")))
        print("Migrating a throwaway SQLite database…", flush=True)
        configure_django(workdir)
        corpus = Corpus(args.items)
        marker = workdir / "built.txt"
        built = f"{args.items} items, seed {SEED}, {NOW:%Y-%m-%d}"
        if marker.exists() and marker.read_text() == built:
            print(f"Reusing the indexes of {workdir} ({built}).", flush=True)
            whoosh_build, fts_build = float("nan"), float("nan")
            database = sqlite3.connect(workdir / "fts.sqlite3")
        else:
            marker.unlink(missing_ok=True)
            print(f"Indexing {args.items:,} items with Whoosh…", flush=True)
            whoosh_build = build_whoosh(corpus)
            print(f"… {whoosh_build:.0f} s. Same items into SQLite FTS5…", flush=True)
            (workdir / "fts.sqlite3").unlink(missing_ok=True)
            database, fts_build = build_fts(corpus, workdir / "fts.sqlite3")
            print(f"… {fts_build:.0f} s.", flush=True)
            if args.workdir:
                marker.write_text(built)
        user = search_user()
        timings, hits = run_searches(args, database, user)
        saves = {"saves": {"without indexing": [], "with the queued processor": []}, "tasks": 0, "worker": []}
        if not args.no_saves:
            print("Timing save()…", flush=True)
            saves = run_saves(args)
        database.close()

    text = report(args, (whoosh_build, fts_build), timings, hits, saves)
    report_write(text, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
