#pragma once
// The pieces every reader of a scenario section shares (src/sim only, not
// installed): collecting errors instead of stopping at the first, names that
// must be unique or must resolve, and the typed reads of single fields.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "rampart/core/error.hpp"
#include "rampart/core/units.hpp"
#include "rampart/io/yaml_reader.hpp"

namespace rampart::sim::scenario_fields {

using Errors = std::vector<InputError>;

/// Runs `read`, keeping the InputError(s) it throws in `errors` instead of
/// stopping: the loader reports every mistake of a file in one pass.
template <class Read>
void collect(Errors& errors, Read&& read) {
  try {
    read();
  } catch (const InputErrors& e) {
    errors.insert(errors.end(), e.errors().begin(), e.errors().end());
  } catch (const InputError& e) {
    errors.push_back(e);
  }
}

/// A name written in one entry that must name an entry of another list;
/// checked once every list is read, so that the order of sections is free.
struct Reference {
  std::size_t index = 0;  ///< the referring entry in its own (successfully read) list
  std::string name;
  SourceLocation where;
};

/// A name given twice in one list is an error at its second place.
template <class T, class NameOf>
void require_unique(const std::vector<T>& items, const std::string& name, NameOf name_of, const SourceLocation& where,
                    const std::string& what) {
  const auto same = std::count_if(items.begin(), items.end(), [&](const T& item) { return name_of(item) == name; });
  if (same > 0) throw InputError(where, "duplicate " + what + " name \"" + name + "\"");
}

/// Resolves each reference to the entry of `items` with that name:
/// on_found(reference, item) for each, an InputError with did-you-mean for
/// names nobody defined. Names in `defined` whose entries failed to read are
/// skipped silently (their own error is already reported).
template <class T, class OnFound>
void resolve(const std::vector<Reference>& references, const std::vector<T>& items,
             const std::vector<std::string>& defined, const std::string& kind, Errors& errors, OnFound on_found) {
  for (const auto& reference : references) {
    collect(errors, [&] {
      const auto item = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.name == reference.name; });
      if (item != items.end()) {
        on_found(reference, *item);
      } else if (std::find(defined.begin(), defined.end(), reference.name) == defined.end()) {
        io::throw_unknown_name(reference.where, kind, reference.name, defined);
      }
    });
  }
}

enum class Bound { kNonNegative, kPositive };

/// The entries of an optional list (none when the key is absent; the key is
/// still marked as known so that a misspelling of it gets a suggestion).
std::vector<io::YamlMap> optional_list(io::YamlMap& map, const std::string& key);

/// true or false.
bool read_bool(io::YamlMap& map, const std::string& key);

/// A plain number if the key is present (the key is marked as known either way).
std::optional<double> optional_number(io::YamlMap& map, const std::string& key);

/// An integer >= `low`; `fallback` when the key is absent (no fallback: required).
int read_integer(io::YamlMap& map, const std::string& key, int low, std::optional<int> fallback);

/// A quantity that must be >= 0 (or > 0); `fallback` when the key is absent.
double read_bounded(io::YamlMap& map, const std::string& key, Dimension dimension, Bound bound, double fallback);

/// Exactly one of two alternative keys; true when `first` is the one given.
bool one_of(io::YamlMap& map, const std::string& first, const std::string& second);

/// Reads the `name` of a list entry and remembers it (even if the rest of the
/// entry then fails), so that references to it are not reported as unknown.
std::string remember_name(io::YamlMap& entry, std::vector<std::string>& names);

}  // namespace rampart::sim::scenario_fields
