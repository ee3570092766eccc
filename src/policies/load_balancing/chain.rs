//! `ChainPolicy`: one load balancing configuration built for one session (see the module above
//! for the composition). Query plans follow the C++ driver's:
//! - base: hosts in groups (round-robin: all; DC-aware: the local data center, then each remote one
//!   within `used_hosts_per_remote_dc`; rack-aware: the local rack, the other racks of the local data
//!   center, the other data centers), each group rotated by a per-request counter;
//! - token-aware: the partition's replicas first (those the base policy sees as local, then remote,
//!   then second-level remote), shuffled per request or in a fixed order per session; then the
//!   base plan without them;
//! - latency-aware: penalized hosts moved to the end.
//!
//! A host is usable when its connection pool is up; hosts whose pool is down end the fallback
//! plan as a last resort, as the crate's own policy does.

use super::host_view::HostView;
use super::latency::LatencyTracker;
use super::locality::Locality;
use super::{BasePolicy, HostLists, LoadBalancingConfig};
use parking_lot::Mutex;
use scylla::cluster::{ClusterState, Node, NodeRef};
use scylla::policies::load_balancing::{FallbackPlan, LoadBalancingPolicy, RoutingInfo};
use scylla::routing::Shard;
use scylla::statement::Consistency;
use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

/// How a policy sees a host (the C++ driver's `CassHostDistance`); `Ignore` gets no requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Distance {
    Local,
    Remote,
    Remote2,
    Ignore,
}

/// One allow/deny list entry: an address, or (not an IP) text compared with the address's text.
enum HostMatch {
    Ip(IpAddr),
    Text(String),
}

impl HostMatch {
    fn parse(entry: &str) -> Self {
        entry.parse().map(HostMatch::Ip).unwrap_or_else(|_| HostMatch::Text(entry.to_string()))
    }

    fn matches(&self, ip: IpAddr) -> bool {
        match self {
            HostMatch::Ip(own) => *own == ip,
            HostMatch::Text(text) => *text == ip.to_string(),
        }
    }
}

struct Lists {
    allow_hosts: Vec<HostMatch>,
    deny_hosts: Vec<HostMatch>,
    allow_dcs: Vec<String>,
    deny_dcs: Vec<String>,
}

impl Lists {
    fn new(lists: &HostLists) -> Self {
        let hosts = |list: &[String]| list.iter().map(|e| HostMatch::parse(e)).collect();
        Lists {
            allow_hosts: hosts(&lists.allow_hosts),
            deny_hosts: hosts(&lists.deny_hosts),
            allow_dcs: lists.allow_dcs.clone(),
            deny_dcs: lists.deny_dcs.clone(),
        }
    }

    fn is_empty(&self) -> bool {
        self.allow_hosts.is_empty()
            && self.deny_hosts.is_empty()
            && self.allow_dcs.is_empty()
            && self.deny_dcs.is_empty()
    }

    /// A host without a known data center has the data center "" (never listed: lists skip empty items).
    fn accepts(&self, host: &HostView<'_>) -> bool {
        let dc = host.dc.unwrap_or("");
        !self.deny_hosts.iter().any(|m| m.matches(host.ip))
            && (self.allow_hosts.is_empty() || self.allow_hosts.iter().any(|m| m.matches(host.ip)))
            && !self.deny_dcs.iter().any(|d| d == dc)
            && (self.allow_dcs.is_empty() || self.allow_dcs.iter().any(|d| d == dc))
    }
}

enum Base {
    RoundRobin,
    DcAware {
        local_dc: Option<String>,
        remote_hosts: usize,
        skip_remote_for_local_cl: bool,
        /// The remote hosts in use, per data center: the first `remote_hosts` learnt of each.
        remote_chosen: Mutex<HashMap<String, Vec<Uuid>>>,
    },
    RackAware {
        local_dc: Option<String>,
        local_rack: Option<String>,
    },
}

/// A built load balancing policy (the crate's `LoadBalancingPolicy`).
pub(crate) struct ChainPolicy {
    base: Base,
    lists: Lists,
    token_aware: bool,
    shuffle_replicas: bool,
    /// Where the replica order starts when replicas are not shuffled (fixed per session).
    replica_offset: usize,
    latency: Option<LatencyTracker>,
    /// The rotation counter: one step per request.
    index: AtomicUsize,
    rng: AtomicU64,
    locality: Arc<Locality>,
}

impl std::fmt::Debug for ChainPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name())
    }
}

fn is_dc_local(consistency: Consistency) -> bool {
    matches!(consistency, Consistency::LocalOne | Consistency::LocalQuorum)
}

fn usable(node: &Node) -> bool {
    node.is_connected()
}

fn last_resort(node: &Node) -> bool {
    node.is_enabled() && !node.is_connected()
}

/// `items` rotated to start at `index` (modulo their number).
fn rotated<T: Copy>(items: &[T], index: usize) -> impl Iterator<Item = T> + '_ {
    let start = if items.is_empty() { 0 } else { index % items.len() };
    items[start..].iter().chain(&items[..start]).copied()
}

impl ChainPolicy {
    /// Builds the policy of `config` for one session; None when the configuration has no policy
    /// of its own (an execution profile that uses the cluster's).
    pub(crate) fn build(
        config: &LoadBalancingConfig,
        token_aware: bool,
        locality: &Arc<Locality>,
    ) -> Option<Arc<Self>> {
        let base = match config.base.as_ref()? {
            BasePolicy::RoundRobin => Base::RoundRobin,
            BasePolicy::DcAware { local_dc, used_hosts_per_remote_dc, allow_remote_dcs_for_local_cl } => {
                if *used_hosts_per_remote_dc > 0 || *allow_remote_dcs_for_local_cl {
                    tracing::warn!(
                        "Remote multi-dc settings have been deprecated and will be removed in the next major release"
                    );
                }
                Base::DcAware {
                    local_dc: local_dc.clone().filter(|dc| !dc.is_empty()),
                    remote_hosts: *used_hosts_per_remote_dc,
                    skip_remote_for_local_cl: !allow_remote_dcs_for_local_cl,
                    remote_chosen: Mutex::new(HashMap::new()),
                }
            }
            BasePolicy::RackAware { local_dc, local_rack } => Base::RackAware {
                local_dc: Some(local_dc.clone()).filter(|dc| !dc.is_empty()),
                local_rack: Some(local_rack.clone()).filter(|rack| !rack.is_empty()),
            },
        };
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0)
            ^ (locality.as_ref() as *const Locality as u64);
        let policy = ChainPolicy {
            base,
            lists: Lists::new(&config.lists),
            token_aware,
            shuffle_replicas: config.shuffle_replicas,
            replica_offset: 0,
            latency: config.latency_aware.then(|| LatencyTracker::new(config.latency)),
            index: AtomicUsize::new(0),
            rng: AtomicU64::new(seed),
            locality: locality.clone(),
        };
        // Sessions start their rotations at random places, so that they do not all begin with
        // the same host (as upstream).
        let start = policy.random() as usize;
        Some(Arc::new(ChainPolicy {
            replica_offset: policy.random() as usize,
            index: AtomicUsize::new(start),
            ..policy
        }))
    }

    /// SplitMix64 over an atomic counter: cheap, lock-free, good enough to spread load.
    fn random(&self) -> u64 {
        let mut z = self.rng.fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed).wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Whether some host may get `Distance::Ignore` (then the session may leave it unconnected).
    pub(crate) fn may_ignore_hosts(&self) -> bool {
        !self.lists.is_empty() || matches!(self.base, Base::DcAware { .. })
    }

    fn needs_locality(&self) -> bool {
        match &self.base {
            Base::RoundRobin => false,
            Base::DcAware { local_dc, .. } => local_dc.is_none(),
            Base::RackAware { local_dc, local_rack } => local_dc.is_none() || local_rack.is_none(),
        }
    }

    fn local_dc<'s>(&'s self, explicit: &'s Option<String>) -> Option<&'s str> {
        explicit.as_deref().or_else(|| self.locality.dc())
    }

    /// The host's distance under this policy (the C++ driver's `distance()` of the whole chain).
    pub(crate) fn distance(&self, host: &HostView<'_>) -> Distance {
        if !self.lists.accepts(host) {
            return Distance::Ignore;
        }
        match &self.base {
            Base::RoundRobin => Distance::Local,
            Base::DcAware { local_dc, remote_hosts, remote_chosen, .. } => match self.local_dc(local_dc) {
                None => Distance::Local,
                Some(local) if host.dc == Some(local) => Distance::Local,
                Some(_) if *remote_hosts == 0 => Distance::Ignore,
                Some(_) => {
                    let mut chosen = remote_chosen.lock();
                    let in_dc = chosen.entry(host.dc.unwrap_or("").to_string()).or_default();
                    if in_dc.contains(&host.host_id) {
                        Distance::Remote
                    } else if in_dc.len() < *remote_hosts {
                        in_dc.push(host.host_id);
                        Distance::Remote
                    } else {
                        Distance::Ignore
                    }
                }
            },
            Base::RackAware { local_dc, local_rack } => {
                let dc = self.local_dc(local_dc);
                let rack = local_rack.as_deref().or_else(|| self.locality.rack());
                match (dc, rack) {
                    (Some(dc), Some(rack)) if host.dc == Some(dc) && host.rack == Some(rack) => Distance::Local,
                    (Some(dc), Some(_)) if host.dc == Some(dc) => Distance::Remote,
                    (Some(_), Some(_)) => Distance::Remote2,
                    _ => Distance::Local,
                }
            }
        }
    }

    fn node_distance(&self, node: &Node) -> Distance {
        self.distance(&HostView::of_node(node))
    }

    /// Whether the host belongs to the base plan's first group (the hosts tried before any other).
    fn in_first_group(&self, node: &Node) -> bool {
        let host = HostView::of_node(node);
        if !self.lists.accepts(&host) {
            return false;
        }
        match &self.base {
            Base::RoundRobin => true,
            Base::DcAware { local_dc, .. } => self.local_dc(local_dc).is_none_or(|dc| host.dc == Some(dc)),
            Base::RackAware { local_dc, local_rack } => {
                match (self.local_dc(local_dc), local_rack.as_deref().or_else(|| self.locality.rack())) {
                    (Some(dc), Some(rack)) => host.dc == Some(dc) && host.rack == Some(rack),
                    _ => true,
                }
            }
        }
    }

    /// The base plan's later groups (remote racks, remote data centers), each in a stable order.
    fn later_groups<'a>(&self, nodes: &'a [Arc<Node>], consistency: Consistency) -> Vec<Vec<NodeRef<'a>>> {
        let mut groups: BTreeMap<(u8, &'a str), Vec<NodeRef<'a>>> = BTreeMap::new();
        match &self.base {
            Base::RoundRobin => {}
            Base::DcAware { skip_remote_for_local_cl, remote_hosts, .. } => {
                if *remote_hosts == 0 || (*skip_remote_for_local_cl && is_dc_local(consistency)) {
                    return Vec::new();
                }
                for node in nodes {
                    if !self.in_first_group(node) && self.node_distance(node) == Distance::Remote {
                        groups.entry((0, node.datacenter.as_deref().unwrap_or(""))).or_default().push(node);
                    }
                }
            }
            Base::RackAware { .. } => {
                for node in nodes {
                    if self.in_first_group(node) {
                        continue;
                    }
                    match self.node_distance(node) {
                        Distance::Remote => {
                            groups.entry((0, node.rack.as_deref().unwrap_or(""))).or_default().push(node)
                        }
                        Distance::Remote2 if !is_dc_local(consistency) => {
                            groups.entry((1, node.datacenter.as_deref().unwrap_or(""))).or_default().push(node)
                        }
                        _ => {}
                    }
                }
            }
        }
        groups.into_values().collect()
    }

    /// Whether the policy selects any host of the cluster for a request without routing
    /// information (whatever the state of the hosts' pools). The C++ driver refuses to connect
    /// when the default policy selects none (`no_hosts_message`).
    pub(crate) fn selects_any_host(&self, cluster: &ClusterState) -> bool {
        if self.needs_locality() {
            self.locality.ensure(cluster);
        }
        let nodes = cluster.get_nodes_info();
        nodes.iter().any(|node| self.in_first_group(node))
            || !self.later_groups(nodes, Consistency::LocalOne).is_empty()
    }

    /// Why a session cannot connect when `selects_any_host` is false (the C++ driver's words).
    pub(crate) fn no_hosts_message(&self) -> &'static str {
        match (&self.base, self.latency.is_some()) {
            (Base::DcAware { .. }, false) => {
                "No hosts available for the control connection using the DC-aware load balancing policy. Check to see \
                 if the configured local datacenter is valid"
            }
            (Base::RackAware { .. }, false) => {
                "No hosts available for the control connection using the Rack-aware load balancing policy. Check to \
                 see if the configured local datacenter and rack is valid"
            }
            _ => "No hosts available for the control connection using the configured load balancing policy",
        }
    }

    /// The first usable host of the base plan; no allocation unless the first group has none.
    fn base_first<'a>(&self, cluster: &'a ClusterState, consistency: Consistency, index: usize) -> Option<NodeRef<'a>> {
        let nodes = cluster.get_nodes_info();
        let first = nodes.iter().filter(|node| self.in_first_group(node) && usable(node));
        let count = first.clone().count();
        if count > 0 {
            let start = index % count;
            return first.clone().skip(start).chain(first.take(start)).next();
        }
        self.later_groups(nodes, consistency).iter().find_map(|group| {
            let members: Vec<NodeRef<'a>> = group.iter().copied().filter(|node| usable(node)).collect();
            members.get(index % members.len().max(1)).copied()
        })
    }

    /// The base plan: usable hosts group by group, each group rotated by `index`, then the hosts
    /// whose pool is down in the same order.
    fn base_plan<'a>(&self, cluster: &'a ClusterState, consistency: Consistency, index: usize) -> Vec<NodeRef<'a>> {
        let nodes = cluster.get_nodes_info();
        let mut groups: Vec<Vec<NodeRef<'a>>> = vec![nodes.iter().filter(|node| self.in_first_group(node)).collect()];
        groups.extend(self.later_groups(nodes, consistency));
        let mut plan = Vec::new();
        for alive in [usable as fn(&Node) -> bool, last_resort] {
            for group in &groups {
                let members: Vec<NodeRef<'a>> = group.iter().copied().filter(|node| alive(node)).collect();
                plan.extend(rotated(&members, index));
            }
        }
        plan
    }

    /// The partition's replicas, when the request is token-aware routable.
    fn replicas<'a>(&self, info: &'a RoutingInfo<'a>, cluster: &'a ClusterState) -> Option<Vec<(NodeRef<'a>, Shard)>> {
        if !self.token_aware {
            return None;
        }
        let (token, table) = (info.token?, info.table?);
        let keyspace = cluster.get_keyspace(table.ks_name())?;
        let replicas: Vec<_> =
            cluster.replica_locator().replicas_for_token(token, &keyspace.strategy, None, table).into_iter().collect();
        (!replicas.is_empty()).then_some(replicas)
    }

    /// The replicas in plan order: shuffled per request, or rotated from the session's fixed offset.
    fn order_replicas<'a>(&self, mut replicas: Vec<(NodeRef<'a>, Shard)>) -> Vec<(NodeRef<'a>, Shard)> {
        if self.shuffle_replicas {
            for i in (1..replicas.len()).rev() {
                let j = (self.random() % (i as u64 + 1)) as usize;
                replicas.swap(i, j);
            }
            replicas
        } else {
            rotated(&replicas, self.replica_offset).collect()
        }
    }

    /// The whole query plan (fallback, and every plan under latency awareness).
    fn full_plan<'a>(
        &self,
        info: &'a RoutingInfo<'a>,
        cluster: &'a ClusterState,
        index: usize,
    ) -> Vec<(NodeRef<'a>, Option<Shard>)> {
        let mut plan: Vec<(NodeRef<'a>, Option<Shard>)> = Vec::new();
        if let Some(replicas) = self.replicas(info, cluster) {
            let replicas = self.order_replicas(replicas);
            for distance in [Distance::Local, Distance::Remote, Distance::Remote2] {
                plan.extend(
                    replicas
                        .iter()
                        .filter(|(node, _)| usable(node) && self.node_distance(node) == distance)
                        .map(|&(node, shard)| (node, Some(shard))),
                );
            }
        }
        let replicas_in_plan = plan.len();
        for node in self.base_plan(cluster, info.consistency, index) {
            if !plan[..replicas_in_plan].iter().any(|(replica, _)| replica.host_id == node.host_id) {
                plan.push((node, None));
            }
        }
        if let Some(latency) = &self.latency {
            let penalized = latency.penalized();
            let (mut good, slow): (Vec<_>, Vec<_>) = plan.into_iter().partition(|(node, _)| !penalized(node.host_id));
            good.extend(slow);
            plan = good;
        }
        plan
    }

    /// The first usable replica (local first, then remote, then second-level remote), without
    /// allocating: the replica set is looked up again instead of collected.
    fn pick_replica<'a>(
        &self,
        info: &'a RoutingInfo<'a>,
        cluster: &'a ClusterState,
    ) -> Option<(NodeRef<'a>, Option<Shard>)> {
        let (token, table) = (info.token?, info.table?);
        let strategy = &cluster.get_keyspace(table.ks_name())?.strategy;
        let set = || cluster.replica_locator().replicas_for_token(token, strategy, None, table).into_iter();
        for distance in [Distance::Local, Distance::Remote, Distance::Remote2] {
            let fits = |(node, _): &(NodeRef<'a>, Shard)| usable(node) && self.node_distance(node) == distance;
            let picked = if self.shuffle_replicas {
                let count = set().filter(fits).count();
                if count == 0 {
                    continue;
                }
                let chosen = (self.random() % count as u64) as usize;
                set().filter(fits).nth(chosen)
            } else {
                let len = set().count();
                let start = if len == 0 { 0 } else { self.replica_offset % len };
                set().skip(start).chain(set().take(start)).find(fits)
            };
            if let Some((node, shard)) = picked {
                return Some((node, Some(shard)));
            }
        }
        None
    }
}

impl LoadBalancingPolicy for ChainPolicy {
    fn pick<'a>(&'a self, info: &'a RoutingInfo, cluster: &'a ClusterState) -> Option<(NodeRef<'a>, Option<Shard>)> {
        if self.needs_locality() {
            self.locality.ensure(cluster);
        }
        let index = self.index.fetch_add(1, Ordering::Relaxed);
        if self.latency.is_some() {
            return self.full_plan(info, cluster, index).into_iter().next();
        }
        if self.token_aware {
            if let Some(picked) = self.pick_replica(info, cluster) {
                return Some(picked);
            }
        }
        self.base_first(cluster, info.consistency, index).map(|node| (node, None))
    }

    fn fallback<'a>(&'a self, info: &'a RoutingInfo, cluster: &'a ClusterState) -> FallbackPlan<'a> {
        if self.needs_locality() {
            self.locality.ensure(cluster);
        }
        // The plan of the request `pick` just served (another request may have moved the counter
        // since: then the order differs, the hosts do not; the crate drops the picked one).
        let index = self.index.load(Ordering::Relaxed).wrapping_sub(1);
        Box::new(self.full_plan(info, cluster, index).into_iter())
    }

    fn on_request_success(&self, _info: &RoutingInfo, latency: Duration, node: NodeRef<'_>) {
        if let Some(tracker) = &self.latency {
            tracker.record(node.host_id, latency);
        }
    }

    fn on_request_failure(
        &self,
        _info: &RoutingInfo,
        _latency: Duration,
        node: NodeRef<'_>,
        _error: &scylla::errors::RequestAttemptError,
    ) {
        // The crate's error will not name the node: keep it for `cass_future_coordinator`.
        super::failed_node::record(std::net::SocketAddr::new(node.address.ip(), node.address.port()));
    }

    fn name(&self) -> String {
        let base = match &self.base {
            Base::RoundRobin => "RoundRobinPolicy".to_string(),
            Base::DcAware { local_dc, .. } => format!("DCAwarePolicy({})", self.local_dc(local_dc).unwrap_or("?")),
            Base::RackAware { local_dc, local_rack } => format!(
                "RackAwarePolicy({}, {})",
                self.local_dc(local_dc).unwrap_or("?"),
                local_rack.as_deref().or_else(|| self.locality.rack()).unwrap_or("?")
            ),
        };
        let mut name = base;
        if !self.lists.is_empty() {
            name = format!("ListPolicies({name})");
        }
        if self.token_aware {
            name = format!("TokenAwarePolicy({name})");
        }
        if self.latency.is_some() {
            name = format!("LatencyAwarePolicy({name})");
        }
        name
    }
}
