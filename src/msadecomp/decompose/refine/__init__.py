"""Clean-up after community detection: no orphan groups, no catch-all service.

Each step takes the graph and the parts and returns new parts with a note per change. They live
in four modules by what they do: :mod:`.joins` joins whole services, :mod:`.data` brings logic
and the data it writes together, :mod:`.moves` moves single classes, :mod:`.splits` splits
services; :mod:`.parts` holds what they share. :func:`msadecomp.decompose.decompose` runs them
in this order (``attach_orphans`` after the splits, before the adapters):

* :func:`attach_orphans`: a group of tables that no class of its own reads or writes joins the
  service it is most strongly tied to (foreign keys, else the placement ties of ID generators
  writing a sequence table for its classes), also through another such group that joins one
  (a table whose only foreign key points to an orphan table); tables tied to nothing are
  returned as *unreferenced* instead of forming a hidden table-only group. A lone class with no
  tie but to such tables joins the service they joined, one with no tie at all the service
  whose classes share the longest package prefix with it.
* :func:`join_package_fragments`: services that each belong to one feature package are joined.
* :func:`absorb_tiny`: services of one or two classes, and small fronts (endpoints without a
  service, store or table of their own), join the service most tied to them.
* :func:`join_logic_to_data`: a service of logic alone (no web class, handler, entity or table)
  that writes mostly one other service's entities joins it (DayTrader 7's trade session bean
  joins the account, order and holding entities it creates; DayTrader 3's trade facade, whose
  writes reach the session bean through its interface, joins the entities; no other of 28
  corpora changes at seed 42; at seeds 4 and 5 dddsample's handling application service joins
  the handling events).
* :func:`writers_follow_entities`: a class writing the tables of another service's entities
  (and none of its own service's) joins that service (DayTrader 7's JDBC ``TradeDirect``).
* :func:`join_domain_to_front`: a service holding a domain model and its tables but no web
  class (no endpoint or screen of its own) joins the front, a service of web classes that owns
  no table, whose classes write its data most (calls named ``store``, ``save``, ``create``...,
  sample-data loaders left out): the modularity sweep cut one context along its layers, the
  application half that changes the aggregates from the domain half that keeps them (dddsample's
  booking facade and its ``Cargo`` aggregate; FTGO's ``OrderService`` and ``Order``). A
  reference-data service only read (``Location``, ``Voyage``) stays apart. Five-seed class
  MoJoFM: dddsample 83.8 -> 85.3, cargotracker 80.2 -> 81.5, FTGO 91.6 -> 93.1; no corpus fell.
  A service that also holds a read-only front (screens showing the model, making no write
  call) gives only its domain part and keeps the screens: cargotracker's ``Cargo`` aggregate
  beside the tracking pages (81.5 -> 84.0).
* :func:`split_catch_alls`: a service holding a disproportionate share of the classes is
  clustered again on its own; when that finds a clean cut (sub-modularity at least
  ``CLEAN_CUT``), the service is replaced by the parts, and a note says so.
* :func:`gather_package_stragglers`: the few classes of a feature package that sit apart from
  the service holding seven in ten of them join that service.
* :func:`follow_sole_users`: a class whose users all sit in one other service joins it (view
  adapters, DTO converters and anti-corruption adapters that read another context's model but
  serve one front); tables, entities, stores, web classes and the logic of a service's own
  data stay. Five-seed class MoJoFM: dddsample 85.0 -> 93.8, cargotracker 84.0 -> 88.9, FTGO
  93.1 -> 94.1; no corpus fell.
* :func:`loaders_follow_their_data`: a sample-data loader (in a package of loaders only) that
  uses one other service joins it (AcmeAir's flight, booking, customer and session loaders:
  class MoJoFM 76.9 -> 100; of 35 corpora only the AcmeAirs and Shopizer changed).
* :func:`place_stores`: a store none of whose callers sit in its service joins its callers'
  service with its entity (JPetStore's ``ItemMapper`` and ``Item`` join the catalogue;
  five-seed mean of the truth corpora 90.23 -> 90.25).
* :func:`entities_follow_stores`: a model class whose stores all sit in one other service
  joins them (iBatis JPetStore 5's ``Item`` joins the catalogue of ``ItemDao``).
* :func:`split_providers`: a feature package inside a service of other packages that handles
  requests, keeps a table of its own and is used by that service and three others, without
  using the service, leaves it as a service of its own (eGovFrame's file attachments).
* :func:`split_disconnected`: a service whose classes fall into pieces with no tie between
  them (the screens a provider had tied together) becomes one service per piece of at least
  ``MIN_PART`` classes (eGovFrame's banner, FAQ, news and diary screens; of 29 corpora only
  the two eGovFrame common components and mall change). A piece with no table or request
  handler that is tied more to another service than within joins it instead (RuoYi-Vue-Plus's
  workflow request objects; of 49 corpora only it changes).
* :func:`join_fronts_to_logic`: a front (request handlers with their request objects and
  service interfaces, no entity, store or service implementation) joins the service holding
  most of its ties (``FRONT_SHARE``) when it alone calls a service-layer class there: the
  clustering had cut RuoYi-Vue-Plus's tenant, dictionary and user controllers from the
  implementations, mappers and entities of the system service (five-seed class MoJoFM
  92.4 -> 93.4; of 49 corpora only it changes; JPetStore's cart, which calls the catalogue
  service the catalogue screens call too, stays).
* :func:`join_inbound_adapters`: a service without tables or request handlers that no other
  service uses joins the service it serves (cargotracker's batch file import joins handling:
  five-seed class MoJoFM 88.9 -> 90.1; no other corpus of 26 changed).
* :func:`join_satellites`: a small service with a table of its own and no request handler
  that only one other service uses joins it (AcmeAir's airport-code mapping joins flight; the
  truth corpora are unchanged).
"""

from msadecomp.decompose.refine.data import (
    join_domain_to_front,
    join_fronts_to_logic,
    join_logic_to_data,
    writers_follow_entities,
)
from msadecomp.decompose.refine.joins import (
    absorb_tiny,
    attach_orphans,
    join_inbound_adapters,
    join_orphans,
    join_package_fragments,
    join_satellites,
)
from msadecomp.decompose.refine.moves import (
    entities_follow_stores,
    follow_sole_users,
    gather_package_stragglers,
    loaders_follow_their_data,
    place_stores,
)
from msadecomp.decompose.refine.splits import split_catch_alls, split_disconnected, split_providers

__all__ = [
    "absorb_tiny",
    "attach_orphans",
    "entities_follow_stores",
    "follow_sole_users",
    "gather_package_stragglers",
    "join_domain_to_front",
    "join_fronts_to_logic",
    "join_inbound_adapters",
    "join_logic_to_data",
    "join_orphans",
    "join_package_fragments",
    "join_satellites",
    "loaders_follow_their_data",
    "place_stores",
    "split_catch_alls",
    "split_disconnected",
    "split_providers",
    "writers_follow_entities",
]
