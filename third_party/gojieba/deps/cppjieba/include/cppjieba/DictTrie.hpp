#ifndef CPPJIEBA_DICT_TRIE_HPP
#define CPPJIEBA_DICT_TRIE_HPP

#include <iostream>
#include <fstream>
#include <map>
#include <string>
#include <cstring>
#include <cstdlib>
#include <stdint.h>
#include <cmath>
#include <limits>
#include <algorithm>
#include <deque>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include "limonp/StringUtil.hpp"
#include "limonp/Logging.hpp"
#include "Unicode.hpp"
#include "Trie.hpp"

namespace cppjieba {

using namespace limonp;

const double MIN_DOUBLE = -3.14e+100;
const double MAX_DOUBLE = 3.14e+100;
const size_t DICT_COLUMN_NUM = 3;
const char* const UNKNOWN_TAG = "";

class DictTrie {
 public:
  enum UserWordWeightOption {
    WordWeightMin,
    WordWeightMedian,
    WordWeightMax,
  }; // enum UserWordWeightOption

  DictTrie(const string& dict_path, const string& user_dict_paths = "", UserWordWeightOption user_word_weight_opt = WordWeightMedian)
    : trie_(NULL), from_image_(false), image_units_(NULL), n_image_units_(0), image_tags_(NULL), n_image_tags_(0),
      image_strings_(NULL), n_image_strings_(0), image_single_(NULL), n_image_single_(0) {
    Init(dict_path, user_dict_paths, user_word_weight_opt);
  }

  // DictTrie reads the dictionary of an image (patched: added); Error says
  // whether it could. Adding or deleting a user word first builds the
  // ordinary trie from the image's.
  explicit DictTrie(const ImageView& img)
    : trie_(NULL), from_image_(true), image_units_(NULL), n_image_units_(0), image_tags_(NULL), n_image_tags_(0),
      image_strings_(NULL), n_image_strings_(0), image_single_(NULL), n_image_single_(0) {
    InitImage(img);
  }

  ~DictTrie() {
    delete trie_;
  }

  // Error is why the image could not be read; empty when it could.
  const string& Error() const {
    return image_error_;
  }

  bool InsertUserWord(const string& word, const string& tag = UNKNOWN_TAG) {
    DictUnit node_info;
    Unicode runes;
    if (!MakeNodeInfo(node_info, runes, word, user_word_default_weight_, tag)) {
      return false;
    }
    Thaw();
    active_node_infos_.push_back(node_info);
    trie_->InsertNode(runes, &active_node_infos_.back());
    return true;
  }

  bool InsertUserWord(const string& word,int freq, const string& tag = UNKNOWN_TAG) {
    DictUnit node_info;
    Unicode runes;
    double weight = freq ? log(1.0 * freq / freq_sum_) : user_word_default_weight_ ;
    if (!MakeNodeInfo(node_info, runes, word, weight , tag)) {
      return false;
    }
    Thaw();
    active_node_infos_.push_back(node_info);
    trie_->InsertNode(runes, &active_node_infos_.back());
    return true;
  }

  bool DeleteUserWord(const string& word, const string& tag = UNKNOWN_TAG) {
    DictUnit node_info;
    Unicode runes;
    if (!MakeNodeInfo(node_info, runes, word, user_word_default_weight_, tag)) {
      return false;
    }
    Thaw();
    trie_->DeleteNode(runes, &node_info);
    return true;
  }
  
  const DictUnit* Find(RuneStrArray::const_iterator begin, RuneStrArray::const_iterator end) const {
    if (trie_ == NULL) {
      return flat_.Find(begin, end);
    }
    return trie_->Find(begin, end);
  }

  void Find(RuneStrArray::const_iterator begin, 
        RuneStrArray::const_iterator end, 
        vector<struct Dag>&res,
        size_t max_word_len = MAX_WORD_LENGTH) const {
    if (trie_ == NULL) {
      flat_.Find(begin, end, res, max_word_len);
      return;
    }
    trie_->Find(begin, end, res, max_word_len);
  }

  bool Find(const string& word)
  {
    const DictUnit *tmp = NULL;
    RuneStrArray runes;
    if (!DecodeUTF8RunesInString(word, runes))
    {
      XLOG(ERROR) << "Decode failed.";
    }
    tmp = Find(runes.begin(), runes.end());
    if (tmp == NULL)
    {
      return false;
    }
    else
    {
      return true;
    }
  }

  // Tag is the part-of-speech tag of a unit (patched: units hold its index).
  string Tag(const DictUnit& unit) const {
    if (unit.tag < tags_.size()) {
      return tags_[unit.tag];
    }
    if (unit.tag < n_image_tags_) {
      return string(image_strings_ + image_tags_[unit.tag].offset, image_tags_[unit.tag].len);
    }
    return UNKNOWN_TAG;
  }

  bool IsUserDictSingleChineseWord(const Rune& word) const {
    if (trie_ == NULL) { // the image's
      return binary_search(image_single_, image_single_ + n_image_single_, word);
    }
    return IsIn(user_dict_single_chinese_word_, word);
  }

  double GetMinWeight() const {
    return min_weight_;
  }

  void InserUserDictNode(const string& line) {
    Thaw();
    vector<string> buf;
    DictUnit node_info = {0, 0, TagID(UNKNOWN_TAG)};
    Unicode runes;
    Split(line, buf, " ");
    if(buf.size() == 1){
          MakeNodeInfo(node_info, runes,
                buf[0], 
                user_word_default_weight_,
                UNKNOWN_TAG);
        } else if (buf.size() == 2) {
          MakeNodeInfo(node_info, runes,
                buf[0], 
                user_word_default_weight_,
                buf[1]);
        } else if (buf.size() == 3) {
          int freq = atoi(buf[1].c_str());
          assert(freq_sum_ > 0.0);
          double weight = log(1.0 * freq / freq_sum_);
          MakeNodeInfo(node_info, runes, buf[0], weight, buf[2]);
        }
        static_node_infos_.push_back(node_info);
        static_words_.push_back(runes);
        if (runes.size() == 1) {
          user_dict_single_chinese_word_.insert(runes[0]);
        }
  }
  
  void LoadUserDict(const vector<string>& buf) {
    for (size_t i = 0; i < buf.size(); i++) {
      InserUserDictNode(buf[i]);
    }
  }

   void LoadUserDict(const set<string>& buf) {
    std::set<string>::const_iterator iter;
    for (iter = buf.begin(); iter != buf.end(); iter++){
      InserUserDictNode(*iter);
    }
  }

  void LoadUserDict(const string& filePaths) {
    vector<string> files = limonp::Split(filePaths, "|;");
    for (size_t i = 0; i < files.size(); i++) {
      ifstream ifs(files[i].c_str());
      XCHECK(ifs.is_open()) << "open " << files[i] << " failed"; 
      string line;
      
      while(getline(ifs, line)) {
        if (line.size() == 0) {
          continue;
        }
        InserUserDictNode(line);
      }
    }
  }

  // Save adds the dictionary to an image and sets its figures in meta
  // (patched: added): the units the trie reaches, numbered in the order the
  // flattened trie reaches them.
  void Save(ImageWriter& w, double* meta) const {
    vector<DictUnit> units;
    unordered_map<const DictUnit*, uint32_t> index;
    vector<ImageNode> nodes;
    vector<ImageEdge> edges;
    Thawed().Flatten(nodes, edges, [&](const DictUnit* u) -> uint32_t {
      unordered_map<const DictUnit*, uint32_t>::const_iterator it = index.find(u);
      if (it != index.end()) {
        return it->second;
      }
      uint32_t n = static_cast<uint32_t>(units.size());
      index[u] = n;
      units.push_back(*u);
      return n;
    });
    meta[META_MIN_WEIGHT] = min_weight_;
    meta[META_MAX_WEIGHT] = max_weight_;
    meta[META_MEDIAN_WEIGHT] = median_weight_;
    meta[META_USER_DEFAULT_WEIGHT] = user_word_default_weight_;
    meta[META_FREQ_SUM] = freq_sum_;
    w.Add(IMG_UNITS, units);
    w.Add(IMG_NODES, nodes);
    w.Add(IMG_EDGES, edges);
    w.Add(IMG_ROOT, FlatTrie::MakeRootTable(nodes, edges));
    vector<ImageString> tags;
    for (size_t i = 0; i < tags_.size(); i++) {
      tags.push_back(w.AddString(tags_[i]));
    }
    w.Add(IMG_TAGS, tags);
    vector<Rune> single(user_dict_single_chinese_word_.begin(), user_dict_single_chinese_word_.end());
    sort(single.begin(), single.end());
    w.Add(IMG_SINGLE, single);
  }

 private:
  void Init(const string& dict_path, const string& user_dict_paths, UserWordWeightOption user_word_weight_opt) {
    LoadDict(dict_path);
    freq_sum_ = CalcFreqSum(static_node_infos_);
    CalculateWeight(static_node_infos_, freq_sum_);
    SetStaticWordWeights(user_word_weight_opt);

    if (user_dict_paths.size()) {
      LoadUserDict(user_dict_paths);
    }
    Shrink(static_node_infos_);
    CreateTrie(static_node_infos_);
  }

  void InitImage(const ImageView& img) {
    size_t n_meta = 0;
    const double* meta = img.Section<double>(IMG_META, n_meta);
    image_units_ = img.Section<DictUnit>(IMG_UNITS, n_image_units_);
    image_tags_ = img.Section<ImageString>(IMG_TAGS, n_image_tags_);
    image_strings_ = img.Strings(n_image_strings_);
    image_single_ = img.Section<Rune>(IMG_SINGLE, n_image_single_);
    if (meta == NULL || n_meta < IMG_META_COUNT || image_units_ == NULL || image_strings_ == NULL ||
        (image_tags_ == NULL && n_image_tags_ != 0) || (image_single_ == NULL && n_image_single_ != 0)) {
      image_error_ = "image: dictionary sections missing";
      return;
    }
    min_weight_ = meta[META_MIN_WEIGHT];
    max_weight_ = meta[META_MAX_WEIGHT];
    median_weight_ = meta[META_MEDIAN_WEIGHT];
    user_word_default_weight_ = meta[META_USER_DEFAULT_WEIGHT];
    freq_sum_ = meta[META_FREQ_SUM];
    for (size_t i = 0; i < n_image_tags_; i++) {
      if (!ImageView::ValidString(image_tags_[i], n_image_strings_)) {
        image_error_ = "image: tag out of bounds";
        return;
      }
    }
    for (size_t i = 0; i < n_image_units_; i++) {
      if (image_units_[i].tag >= n_image_tags_) {
        image_error_ = "image: tag out of bounds";
        return;
      }
    }
    if (!flat_.Init(img, image_units_, n_image_units_, image_error_)) {
      return;
    }
  }

  // Thaw builds the ordinary trie from the image's before a change.
  void Thaw() {
    if (!from_image_ || trie_ != NULL) {
      return;
    }
    trie_ = new Trie(vector<Unicode>(), vector<const DictUnit*>());
    Trie* t = trie_;
    flat_.Walk([t](const Unicode& key, const DictUnit* u) { t->InsertNode(key, u); });
    for (size_t i = 0; i < n_image_tags_; i++) {
      TagID(string(image_strings_ + image_tags_[i].offset, image_tags_[i].len));
    }
    user_dict_single_chinese_word_.insert(image_single_, image_single_ + n_image_single_);
  }

  // Thawed is the ordinary trie; Save of an image's dictionary builds it.
  const Trie& Thawed() const {
    const_cast<DictTrie*>(this)->Thaw();
    return *trie_;
  }

  void CreateTrie(const vector<DictUnit>& dictUnits) {
    assert(dictUnits.size());
    vector<const DictUnit*> valuePointers;
    for (size_t i = 0 ; i < dictUnits.size(); i ++) {
      valuePointers.push_back(&dictUnits[i]);
    }

    trie_ = new Trie(static_words_, valuePointers);
    vector<Unicode>().swap(static_words_);
  }

  // TagID numbers a tag in the tag table (patched: units hold the number).
  uint32_t TagID(const string& tag) {
    unordered_map<string, uint32_t>::const_iterator it = tag_ids_.find(tag);
    if (it != tag_ids_.end()) {
      return it->second;
    }
    uint32_t id = static_cast<uint32_t>(tags_.size());
    tags_.push_back(tag);
    tag_ids_[tag] = id;
    return id;
  }

  bool MakeNodeInfo(DictUnit& node_info,
        Unicode& runes,
        const string& word, 
        double weight, 
        const string& tag) {
    if (!DecodeUTF8RunesInString(word, runes)) {
      XLOG(ERROR) << "UTF-8 decode failed for dict word: " << word;
      return false;
    }
    node_info.len = static_cast<uint32_t>(runes.size());
    node_info.weight = weight;
    node_info.tag = TagID(tag);
    return true;
  }

  void LoadDict(const string& filePath) {
    ifstream ifs(filePath.c_str());
    XCHECK(ifs.is_open()) << "open " << filePath << " failed.";
    string line;
    vector<string> buf;

    DictUnit node_info;
    Unicode runes;
    while (getline(ifs, line)) {
      Split(line, buf, " ");
      XCHECK(buf.size() == DICT_COLUMN_NUM) << "split result illegal, line:" << line;
      MakeNodeInfo(node_info, runes,
            buf[0], 
            atof(buf[1].c_str()), 
            buf[2]);
      static_node_infos_.push_back(node_info);
      static_words_.push_back(runes);
    }
  }

  static bool WeightCompare(const DictUnit& lhs, const DictUnit& rhs) {
    return lhs.weight < rhs.weight;
  }

  void SetStaticWordWeights(UserWordWeightOption option) {
    XCHECK(!static_node_infos_.empty());
    vector<DictUnit> x = static_node_infos_;
    sort(x.begin(), x.end(), WeightCompare);
    min_weight_ = x[0].weight;
    max_weight_ = x[x.size() - 1].weight;
    median_weight_ = x[x.size() / 2].weight;
    switch (option) {
     case WordWeightMin:
       user_word_default_weight_ = min_weight_;
       break;
     case WordWeightMedian:
       user_word_default_weight_ = median_weight_;
       break;
     default:
       user_word_default_weight_ = max_weight_;
       break;
    }
  }

  double CalcFreqSum(const vector<DictUnit>& node_infos) const {
    double sum = 0.0;
    for (size_t i = 0; i < node_infos.size(); i++) {
      sum += node_infos[i].weight;
    }
    return sum;
  }

  void CalculateWeight(vector<DictUnit>& node_infos, double sum) const {
    assert(sum > 0.0);
    for (size_t i = 0; i < node_infos.size(); i++) {
      DictUnit& node_info = node_infos[i];
      assert(node_info.weight > 0.0);
      node_info.weight = log(double(node_info.weight)/sum);
    }
  }

  void Shrink(vector<DictUnit>& units) const {
    vector<DictUnit>(units.begin(), units.end()).swap(units);
  }

  vector<DictUnit> static_node_infos_;
  vector<Unicode> static_words_; // the words of static_node_infos_ until the trie is built
  deque<DictUnit> active_node_infos_; // must not be vector
  Trie * trie_; // NULL while the image's trie serves
  bool from_image_;

  vector<string> tags_;
  unordered_map<string, uint32_t> tag_ids_;

  // The image's dictionary (patched: added).
  string image_error_;
  FlatTrie flat_;
  const DictUnit* image_units_;
  size_t n_image_units_;
  const ImageString* image_tags_;
  size_t n_image_tags_;
  const char* image_strings_;
  size_t n_image_strings_;
  const Rune* image_single_;
  size_t n_image_single_;

  double freq_sum_;
  double min_weight_;
  double max_weight_;
  double median_weight_;
  double user_word_default_weight_;
  unordered_set<Rune> user_dict_single_chinese_word_;
};
}

#endif
