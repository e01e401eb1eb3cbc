"""The job board (bourse de l'emploi territorial): the job offers of the local authorities and their partners.

/emplois/ lists every organisation's open offers with filters; /emplois/<organisation>/ lists one's; both
have an Atom feed at `flux/`. An offer past its application deadline leaves the listings, the feeds and the
search index, but its page stays reachable, marked expired and not indexed by search engines.
"""
