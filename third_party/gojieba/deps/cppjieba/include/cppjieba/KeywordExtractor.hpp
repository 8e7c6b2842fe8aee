#ifndef CPPJIEBA_KEYWORD_EXTRACTOR_H
#define CPPJIEBA_KEYWORD_EXTRACTOR_H

#include <cmath>
#include <set>
#include "MixSegment.hpp"

namespace cppjieba {

using namespace limonp;
using namespace std;

/*utf8*/
class KeywordExtractor {
 public:
  struct Word {
    string word;
    vector<size_t> offsets;
    double weight;
  }; // struct Word

  KeywordExtractor(const string& dictPath, 
        const string& hmmFilePath, 
        const string& idfPath, 
        const string& stopWordPath, 
        const string& userDict = "") 
    : segment_(dictPath, hmmFilePath, userDict), image_idf_(NULL), n_image_idf_(0), image_strings_(NULL) {
    LoadIdfDict(idfPath);
    LoadStopWordDict(stopWordPath);
  }
  KeywordExtractor(const DictTrie* dictTrie, 
        const HMMModel* model,
        const string& idfPath, 
        const string& stopWordPath) 
    : segment_(dictTrie, model), image_idf_(NULL), n_image_idf_(0), image_strings_(NULL) {
    LoadIdfDict(idfPath);
    LoadStopWordDict(stopWordPath);
  }
  // KeywordExtractor reads the idf table and stop words of an image
  // (patched: added): the idf table is looked up where it lies, sorted by
  // word, instead of being loaded into a hash map; error says what is wrong.
  KeywordExtractor(const DictTrie* dictTrie,
        const HMMModel* model,
        const ImageView& img,
        string& error)
    : segment_(dictTrie, model), image_idf_(NULL), n_image_idf_(0), image_strings_(NULL) {
    size_t n_meta = 0, n_strings = 0, n_stop = 0;
    const double* meta = img.Section<double>(IMG_META, n_meta);
    image_idf_ = img.Section<ImageIdf>(IMG_IDF, n_image_idf_);
    image_strings_ = img.Strings(n_strings);
    const ImageString* stop = img.Section<ImageString>(IMG_STOP, n_stop);
    if (meta == NULL || n_meta < IMG_META_COUNT || image_idf_ == NULL || image_strings_ == NULL || (stop == NULL && n_stop != 0)) {
      error = "image: idf table missing";
      return;
    }
    idfAverage_ = meta[META_IDF_AVERAGE];
    for (size_t i = 0; i < n_image_idf_; i++) {
      if (!ImageView::ValidString(ImageString{image_idf_[i].offset, image_idf_[i].len}, n_strings) ||
          (i > 0 && CompareIdf(image_idf_[i - 1], image_idf_[i].offset, image_idf_[i].len) >= 0)) {
        error = "image: idf table out of bounds or unsorted";
        return;
      }
    }
    for (size_t i = 0; i < n_stop; i++) {
      if (!ImageView::ValidString(stop[i], n_strings)) {
        error = "image: stop word out of bounds";
        return;
      }
      stopWords_.insert(string(image_strings_ + stop[i].offset, stop[i].len));
    }
  }

  // Save adds the idf table (sorted by word bytes) and the stop words of a
  // table loaded from text to an image, and sets META_IDF_AVERAGE in meta
  // (patched: added).
  void Save(ImageWriter& w, double* meta) const {
    meta[META_IDF_AVERAGE] = idfAverage_;
    vector<pair<string, double> > sorted(idfMap_.begin(), idfMap_.end());
    sort(sorted.begin(), sorted.end());
    vector<ImageIdf> idf;
    for (size_t i = 0; i < sorted.size(); i++) {
      ImageString s = w.AddString(sorted[i].first);
      ImageIdf e = {s.offset, s.len, sorted[i].second};
      idf.push_back(e);
    }
    w.Add(IMG_IDF, idf);
    vector<string> stops(stopWords_.begin(), stopWords_.end());
    sort(stops.begin(), stops.end());
    vector<ImageString> stop;
    for (size_t i = 0; i < stops.size(); i++) {
      stop.push_back(w.AddString(stops[i]));
    }
    w.Add(IMG_STOP, stop);
  }
  ~KeywordExtractor() {
  }

  void Extract(const string& sentence, vector<string>& keywords, size_t topN) const {
    vector<Word> topWords;
    Extract(sentence, topWords, topN);
    for (size_t i = 0; i < topWords.size(); i++) {
      keywords.push_back(topWords[i].word);
    }
  }

  void Extract(const string& sentence, vector<pair<string, double> >& keywords, size_t topN) const {
    vector<Word> topWords;
    Extract(sentence, topWords, topN);
    for (size_t i = 0; i < topWords.size(); i++) {
      keywords.push_back(pair<string, double>(topWords[i].word, topWords[i].weight));
    }
  }

  void Extract(const string& sentence, vector<Word>& keywords, size_t topN) const {
    vector<string> words;
    segment_.Cut(sentence, words);

    map<string, Word> wordmap;
    size_t offset = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      size_t t = offset;
      offset += words[i].size();
      if (IsSingleWord(words[i]) || stopWords_.find(words[i]) != stopWords_.end()) {
        continue;
      }
      wordmap[words[i]].offsets.push_back(t);
      wordmap[words[i]].weight += 1.0;
    }
    if (offset != sentence.size()) {
      XLOG(ERROR) << "words illegal";
      return;
    }

    keywords.clear();
    keywords.reserve(wordmap.size());
    for (map<string, Word>::iterator itr = wordmap.begin(); itr != wordmap.end(); ++itr) {
      double idf = 0.0;
      if (LookupIdf(itr->first, idf)) { // patched: the table may be an image's
        itr->second.weight *= idf;
      } else {
        itr->second.weight *= idfAverage_;
      }
      itr->second.word = itr->first;
      keywords.push_back(itr->second);
    }
    topN = min(topN, keywords.size());
    partial_sort(keywords.begin(), keywords.begin() + topN, keywords.end(), Compare);
    keywords.resize(topN);
  }
 private:
  // LookupIdf finds a word's idf in the hash map, or in the image's sorted
  // table by binary search (patched: added).
  bool LookupIdf(const string& word, double& idf) const {
    if (image_idf_ == NULL) {
      unordered_map<string, double>::const_iterator cit = idfMap_.find(word);
      if (cit == idfMap_.end()) {
        return false;
      }
      idf = cit->second;
      return true;
    }
    size_t lo = 0, hi = n_image_idf_;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      int c = CompareIdf(image_idf_[mid], word.data(), word.size());
      if (c == 0) {
        idf = image_idf_[mid].idf;
        return true;
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return false;
  }
  int CompareIdf(const ImageIdf& e, uint32_t offset, uint32_t len) const {
    return CompareIdf(e, image_strings_ + offset, len);
  }
  // CompareIdf orders by bytes, as std::string's operator< does.
  int CompareIdf(const ImageIdf& e, const char* word, size_t len) const {
    int c = memcmp(image_strings_ + e.offset, word, min(size_t(e.len), len));
    if (c != 0) {
      return c;
    }
    return e.len < len ? -1 : (e.len > len ? 1 : 0);
  }

  void LoadIdfDict(const string& idfPath) {
    ifstream ifs(idfPath.c_str());
    XCHECK(ifs.is_open()) << "open " << idfPath << " failed";
    string line ;
    vector<string> buf;
    double idf = 0.0;
    double idfSum = 0.0;
    size_t lineno = 0;
    for (; getline(ifs, line); lineno++) {
      buf.clear();
      if (line.empty()) {
        XLOG(ERROR) << "lineno: " << lineno << " empty. skipped.";
        continue;
      }
      Split(line, buf, " ");
      if (buf.size() != 2) {
        XLOG(ERROR) << "line: " << line << ", lineno: " << lineno << " empty. skipped.";
        continue;
      }
      idf = atof(buf[1].c_str());
      idfMap_[buf[0]] = idf;
      idfSum += idf;

    }

    assert(lineno);
    idfAverage_ = idfSum / lineno;
    assert(idfAverage_ > 0.0);
  }
  void LoadStopWordDict(const string& filePath) {
    ifstream ifs(filePath.c_str());
    XCHECK(ifs.is_open()) << "open " << filePath << " failed";
    string line ;
    while (getline(ifs, line)) {
      stopWords_.insert(line);
    }
    assert(stopWords_.size());
  }

  static bool Compare(const Word& lhs, const Word& rhs) {
    return lhs.weight > rhs.weight;
  }

  MixSegment segment_;
  unordered_map<string, double> idfMap_;
  double idfAverage_;
  const ImageIdf* image_idf_; // patched: the image's table, sorted by word
  size_t n_image_idf_;
  const char* image_strings_;

  unordered_set<string> stopWords_;
}; // class KeywordExtractor

inline ostream& operator << (ostream& os, const KeywordExtractor::Word& word) {
  return os << "{\"word\": \"" << word.word << "\", \"offset\": " << word.offsets << ", \"weight\": " << word.weight << "}"; 
}

} // namespace cppjieba

#endif


