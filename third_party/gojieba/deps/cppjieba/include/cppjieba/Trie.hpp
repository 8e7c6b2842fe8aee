#ifndef CPPJIEBA_TRIE_HPP
#define CPPJIEBA_TRIE_HPP

#include <vector>
#include <queue>
#include <algorithm>
#include "limonp/StdExtension.hpp"
#include "Unicode.hpp"
#include "Image.hpp"

namespace cppjieba {

using namespace std;

const size_t MAX_WORD_LENGTH = 512;

// DictUnit is what the dictionary knows of a word. Patched: the word's
// runes and its tag string were members; now the length in runes and the
// index of the tag in its DictTrie's tag table are, so that a unit is 16
// plain bytes and a dictionary image holds the units as they are used.
struct DictUnit {
  double weight;
  uint32_t len;  // runes in the word
  uint32_t tag;  // DictTrie::Tag gives its text
}; // struct DictUnit

// for debugging
// inline ostream & operator << (ostream& os, const DictUnit& unit) {
//   string s;
//   s << unit.word;
//   return os << StringFormat("%s %s %.3lf", s.c_str(), unit.tag.c_str(), unit.weight);
// }

struct Dag {
  RuneStr runestr;
  // [offset, nexts.first]
  limonp::LocalVector<pair<size_t, const DictUnit*> > nexts;
  const DictUnit * pInfo;
  double weight;
  size_t nextPos; // TODO
  Dag():runestr(), pInfo(NULL), weight(0.0), nextPos(0) {
  }
}; // struct Dag

typedef Rune TrieKey;

class TrieNode {
 public :
  TrieNode(): next(NULL), ptValue(NULL) {
  }
 public:
  typedef unordered_map<TrieKey, TrieNode*> NextMap;
  NextMap *next;
  const DictUnit *ptValue;
};

class Trie {
 public:
  Trie(const vector<Unicode>& keys, const vector<const DictUnit*>& valuePointers)
   : root_(new TrieNode) {
    CreateTrie(keys, valuePointers);
  }
  ~Trie() {
    DeleteNode(root_);
  }

  const DictUnit* Find(RuneStrArray::const_iterator begin, RuneStrArray::const_iterator end) const {
    if (begin == end) {
      return NULL;
    }

    const TrieNode* ptNode = root_;
    TrieNode::NextMap::const_iterator citer;
    for (RuneStrArray::const_iterator it = begin; it != end; it++) {
      if (NULL == ptNode->next) {
        return NULL;
      }
      citer = ptNode->next->find(it->rune);
      if (ptNode->next->end() == citer) {
        return NULL;
      }
      ptNode = citer->second;
    }
    return ptNode->ptValue;
  }

  void Find(RuneStrArray::const_iterator begin, 
        RuneStrArray::const_iterator end, 
        vector<struct Dag>&res, 
        size_t max_word_len = MAX_WORD_LENGTH) const {
    assert(root_ != NULL);
    res.resize(end - begin);

    const TrieNode *ptNode = NULL;
    TrieNode::NextMap::const_iterator citer;
    for (size_t i = 0; i < size_t(end - begin); i++) {
      res[i].runestr = *(begin + i);

      if (root_->next != NULL && root_->next->end() != (citer = root_->next->find(res[i].runestr.rune))) {
        ptNode = citer->second;
      } else {
        ptNode = NULL;
      }
      if (ptNode != NULL) {
        res[i].nexts.push_back(pair<size_t, const DictUnit*>(i, ptNode->ptValue));
      } else {
        res[i].nexts.push_back(pair<size_t, const DictUnit*>(i, static_cast<const DictUnit*>(NULL)));
      }

      for (size_t j = i + 1; j < size_t(end - begin) && (j - i + 1) <= max_word_len; j++) {
        if (ptNode == NULL || ptNode->next == NULL) {
          break;
        }
        citer = ptNode->next->find((begin + j)->rune);
        if (ptNode->next->end() == citer) {
          break;
        }
        ptNode = citer->second;
        if (NULL != ptNode->ptValue) {
          res[i].nexts.push_back(pair<size_t, const DictUnit*>(j, ptNode->ptValue));
        }
      }
    }
  }

  void InsertNode(const Unicode& key, const DictUnit* ptValue) {
    if (key.begin() == key.end()) {
      return;
    }

    TrieNode::NextMap::const_iterator kmIter;
    TrieNode *ptNode = root_;
    for (Unicode::const_iterator citer = key.begin(); citer != key.end(); ++citer) {
      if (NULL == ptNode->next) {
        ptNode->next = new TrieNode::NextMap;
      }
      kmIter = ptNode->next->find(*citer);
      if (ptNode->next->end() == kmIter) {
        TrieNode *nextNode = new TrieNode;

        ptNode->next->insert(make_pair(*citer, nextNode));
        ptNode = nextNode;
      } else {
        ptNode = kmIter->second;
      }
    }
    assert(ptNode != NULL);
    ptNode->ptValue = ptValue;
  }
  void DeleteNode(const Unicode& key, const DictUnit* ptValue) {
      if (key.begin() == key.end()) {
        return;
      }
      //定义一个NextMap迭代器
      TrieNode::NextMap::const_iterator kmIter;
      //定义一个指向root的TrieNode指针
      TrieNode *ptNode = root_;
      for (Unicode::const_iterator citer = key.begin(); citer != key.end(); ++citer) {
        //链表不存在元素
        if (NULL == ptNode->next) {
          return;
        }
        kmIter = ptNode->next->find(*citer);
        //如果map中不存在,跳出循环
        if (ptNode->next->end() == kmIter) {
              break;
        }
        //从unordered_map中擦除该项
        ptNode->next->erase(*citer);
        //删除该node
        ptNode = kmIter->second;
        delete ptNode;
        break;
      }
      return;
 }
  // Flatten lays the trie out as image nodes and edges, breadth first (a
  // parent before its children), the children of a node in rune order.
  // unitIndex numbers the units the trie points to (patched: added).
  template <class F>
  void Flatten(vector<ImageNode>& nodes, vector<ImageEdge>& edges, F unitIndex) const {
    nodes.clear();
    edges.clear();
    queue<pair<const TrieNode*, uint32_t> > todo;
    ImageNode empty = {0, 0, IMAGE_NONE};
    nodes.push_back(empty);
    todo.push(make_pair(root_, 0u));
    vector<pair<TrieKey, const TrieNode*> > children;
    while (!todo.empty()) {
      const TrieNode* node = todo.front().first;
      uint32_t at = todo.front().second;
      todo.pop();
      children.clear();
      if (node->next != NULL) {
        for (TrieNode::NextMap::const_iterator it = node->next->begin(); it != node->next->end(); ++it) {
          children.push_back(make_pair(it->first, static_cast<const TrieNode*>(it->second)));
        }
      }
      sort(children.begin(), children.end());
      nodes[at].first_edge = static_cast<uint32_t>(edges.size());
      nodes[at].n_edges = static_cast<uint32_t>(children.size());
      nodes[at].unit = node->ptValue == NULL ? IMAGE_NONE : unitIndex(node->ptValue);
      for (size_t i = 0; i < children.size(); i++) {
        uint32_t child = static_cast<uint32_t>(nodes.size());
        nodes.push_back(empty);
        ImageEdge e = {children[i].first, child};
        edges.push_back(e);
        todo.push(make_pair(children[i].second, child));
      }
    }
  }

 private:
  void CreateTrie(const vector<Unicode>& keys, const vector<const DictUnit*>& valuePointers) {
    if (valuePointers.empty() || keys.empty()) {
      return;
    }
    assert(keys.size() == valuePointers.size());

    for (size_t i = 0; i < keys.size(); i++) {
      InsertNode(keys[i], valuePointers[i]);
    }
  }

  void DeleteNode(TrieNode* node) {
    if (NULL == node) {
      return;
    }
    if (NULL != node->next) {
      for (TrieNode::NextMap::iterator it = node->next->begin(); it != node->next->end(); ++it) {
        DeleteNode(it->second);
      }
      delete node->next;
    }
    delete node;
  }

  TrieNode* root_;
}; // class Trie

// FlatTrie is a trie laid out by Trie::Flatten, read where it lies (in a
// dictionary image). Its lookups give what Trie's give for the same words
// (patched: added).
class FlatTrie {
 public:
  FlatTrie(): nodes_(NULL), n_nodes_(0), edges_(NULL), n_edges_(0), root_(NULL), units_(NULL) {
  }

  // Init checks the layout: every index in range, each node reached from
  // exactly one parent of a smaller index (so no cycles), edges of a node
  // sorted, the root table equal to the root's edges, and every word's
  // length equal to its depth, so that no lookup can leave the arrays.
  bool Init(const ImageView& img, const DictUnit* units, size_t n_units, string& err) {
    size_t n_root = 0;
    nodes_ = img.Section<ImageNode>(IMG_NODES, n_nodes_);
    edges_ = img.Section<ImageEdge>(IMG_EDGES, n_edges_);
    root_ = img.Section<uint32_t>(IMG_ROOT, n_root);
    units_ = units;
    if (nodes_ == NULL || n_nodes_ == 0 || n_nodes_ >= IMAGE_NONE || edges_ == NULL || root_ == NULL || n_root != kRootTable) {
      err = "image: trie sections missing";
      return false;
    }
    vector<uint16_t> depth(n_nodes_, 0);
    vector<bool> reached(n_nodes_, false);
    reached[0] = true;
    for (size_t k = 0; k < n_nodes_; k++) {
      const ImageNode& nd = nodes_[k];
      if (nd.first_edge > n_edges_ || nd.n_edges > n_edges_ - nd.first_edge) {
        err = "image: trie node out of bounds";
        return false;
      }
      if (!reached[k]) {
        continue;
      }
      if (nd.unit != IMAGE_NONE && (nd.unit >= n_units || units_[nd.unit].len != depth[k] || depth[k] == 0)) {
        err = "image: trie word out of bounds";
        return false;
      }
      for (uint32_t e = nd.first_edge; e < nd.first_edge + nd.n_edges; e++) {
        uint32_t c = edges_[e].child;
        if (c <= k || c >= n_nodes_ || reached[c] || depth[k] >= kMaxDepth ||
            (e > nd.first_edge && edges_[e - 1].rune >= edges_[e].rune)) {
          err = "image: trie edge out of bounds";
          return false;
        }
        reached[c] = true;
        depth[c] = depth[k] + 1;
      }
    }
    size_t bmp = 0;
    for (uint32_t e = nodes_[0].first_edge; e < nodes_[0].first_edge + nodes_[0].n_edges; e++) {
      if (edges_[e].rune < kRootTable) {
        if (root_[edges_[e].rune] != edges_[e].child) {
          err = "image: root table disagrees with the trie";
          return false;
        }
        bmp++;
      }
    }
    for (size_t r = 0; r < kRootTable; r++) {
      if (root_[r] != IMAGE_NONE) {
        bmp--;
      }
    }
    if (bmp != 0) {
      err = "image: root table disagrees with the trie";
      return false;
    }
    return true;
  }

  // MakeRootTable gives the root table of flattened nodes and edges.
  static vector<uint32_t> MakeRootTable(const vector<ImageNode>& nodes, const vector<ImageEdge>& edges) {
    vector<uint32_t> table(kRootTable, IMAGE_NONE);
    for (uint32_t e = nodes[0].first_edge; e < nodes[0].first_edge + nodes[0].n_edges; e++) {
      if (edges[e].rune < kRootTable) {
        table[edges[e].rune] = edges[e].child;
      }
    }
    return table;
  }

  const DictUnit* Find(RuneStrArray::const_iterator begin, RuneStrArray::const_iterator end) const {
    if (begin == end) {
      return NULL;
    }
    uint32_t node = 0;
    for (RuneStrArray::const_iterator it = begin; it != end; it++) {
      node = Child(node, it->rune);
      if (node == IMAGE_NONE) {
        return NULL;
      }
    }
    return Unit(node);
  }

  void Find(RuneStrArray::const_iterator begin,
        RuneStrArray::const_iterator end,
        vector<struct Dag>&res,
        size_t max_word_len = MAX_WORD_LENGTH) const {
    res.resize(end - begin);
    for (size_t i = 0; i < size_t(end - begin); i++) {
      res[i].runestr = *(begin + i);
      uint32_t node = Child(0, res[i].runestr.rune);
      res[i].nexts.push_back(pair<size_t, const DictUnit*>(i, node == IMAGE_NONE ? NULL : Unit(node)));
      for (size_t j = i + 1; j < size_t(end - begin) && (j - i + 1) <= max_word_len; j++) {
        if (node == IMAGE_NONE || nodes_[node].n_edges == 0) {
          break;
        }
        node = Child(node, (begin + j)->rune);
        if (node == IMAGE_NONE) {
          break;
        }
        if (nodes_[node].unit != IMAGE_NONE) {
          res[i].nexts.push_back(pair<size_t, const DictUnit*>(j, &units_[nodes_[node].unit]));
        }
      }
    }
  }

  // Walk calls visit(key, unit) for every word of the trie.
  template <class F>
  void Walk(F visit) const {
    vector<Rune> key;
    WalkFrom(0, key, visit);
  }

 private:
  static const size_t kRootTable = 0x10000;
  static const uint16_t kMaxDepth = 4096; // runes in the longest word

  template <class F>
  void WalkFrom(uint32_t node, vector<Rune>& key, F& visit) const {
    if (nodes_[node].unit != IMAGE_NONE) {
      visit(Unicode(key.data(), key.data() + key.size()), &units_[nodes_[node].unit]);
    }
    for (uint32_t e = nodes_[node].first_edge; e < nodes_[node].first_edge + nodes_[node].n_edges; e++) {
      key.push_back(edges_[e].rune);
      WalkFrom(edges_[e].child, key, visit);
      key.pop_back();
    }
  }

  const DictUnit* Unit(uint32_t node) const {
    return nodes_[node].unit == IMAGE_NONE ? NULL : &units_[nodes_[node].unit];
  }

  uint32_t Child(uint32_t node, Rune r) const {
    if (node == 0 && r < kRootTable) {
      return root_[r];
    }
    const ImageEdge* lo = edges_ + nodes_[node].first_edge;
    const ImageEdge* hi = lo + nodes_[node].n_edges;
    while (lo < hi) {
      const ImageEdge* mid = lo + (hi - lo) / 2;
      if (mid->rune < r) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (lo != edges_ + nodes_[node].first_edge + nodes_[node].n_edges && lo->rune == r) ? lo->child : IMAGE_NONE;
  }

  const ImageNode* nodes_;
  size_t n_nodes_;
  const ImageEdge* edges_;
  size_t n_edges_;
  const uint32_t* root_;
  const DictUnit* units_;
}; // class FlatTrie
} // namespace cppjieba

#endif // CPPJIEBA_TRIE_HPP
