#ifndef CPPJIEBA_HMMMODEL_H
#define CPPJIEBA_HMMMODEL_H

#include "limonp/StringUtil.hpp"
#include <algorithm>
#include "Trie.hpp"

namespace cppjieba {

using namespace limonp;
typedef unordered_map<Rune, double> EmitProbMap;

struct HMMModel {
  /*
   * STATUS:
   * 0: HMMModel::B, 1: HMMModel::E, 2: HMMModel::M, 3:HMMModel::S
   * */
  enum {B = 0, E = 1, M = 2, S = 3, STATUS_SUM = 4};

  HMMModel(const string& modelPath) {
    memset(startProb, 0, sizeof(startProb));
    memset(transProb, 0, sizeof(transProb));
    statMap[0] = 'B';
    statMap[1] = 'E';
    statMap[2] = 'M';
    statMap[3] = 'S';
    emitProbVec.push_back(&emitProbB);
    emitProbVec.push_back(&emitProbE);
    emitProbVec.push_back(&emitProbM);
    emitProbVec.push_back(&emitProbS);
    LoadModel(modelPath);
  }
  // HMMModel reads the model of an image (patched: added); error says
  // whether it could.
  HMMModel(const ImageView& img, string& error) {
    memset(startProb, 0, sizeof(startProb));
    memset(transProb, 0, sizeof(transProb));
    statMap[0] = 'B';
    statMap[1] = 'E';
    statMap[2] = 'M';
    statMap[3] = 'S';
    emitProbVec.push_back(&emitProbB);
    emitProbVec.push_back(&emitProbE);
    emitProbVec.push_back(&emitProbM);
    emitProbVec.push_back(&emitProbS);
    size_t n_prob = 0, n_emit = 0;
    const double* prob = img.Section<double>(IMG_HMM_PROB, n_prob);
    const ImageEmit* emit = img.Section<ImageEmit>(IMG_HMM_EMIT, n_emit);
    if (prob == NULL || n_prob != STATUS_SUM + STATUS_SUM * STATUS_SUM || (emit == NULL && n_emit != 0)) {
      error = "image: HMM model missing";
      return;
    }
    memcpy(startProb, prob, sizeof(startProb));
    memcpy(transProb, prob + STATUS_SUM, sizeof(transProb));
    size_t per[STATUS_SUM] = {0};
    for (size_t i = 0; i < n_emit; i++) {
      if (emit[i].state >= STATUS_SUM) {
        error = "image: HMM state out of bounds";
        return;
      }
      per[emit[i].state]++;
    }
    for (size_t y = 0; y < STATUS_SUM; y++) {
      emitProbVec[y]->reserve(per[y]);
    }
    for (size_t i = 0; i < n_emit; i++) {
      (*emitProbVec[emit[i].state])[emit[i].rune] = emit[i].prob;
    }
  }
  ~HMMModel() {
  }

  // Save adds the model to an image (patched: added).
  void Save(ImageWriter& w) const {
    vector<double> prob(startProb, startProb + STATUS_SUM);
    for (size_t i = 0; i < STATUS_SUM; i++) {
      prob.insert(prob.end(), transProb[i], transProb[i] + STATUS_SUM);
    }
    w.Add(IMG_HMM_PROB, prob);
    vector<ImageEmit> emit;
    for (size_t y = 0; y < STATUS_SUM; y++) {
      vector<pair<Rune, double> > sorted(emitProbVec[y]->begin(), emitProbVec[y]->end());
      sort(sorted.begin(), sorted.end());
      for (size_t i = 0; i < sorted.size(); i++) {
        ImageEmit e = {sorted[i].second, sorted[i].first, static_cast<uint32_t>(y)};
        emit.push_back(e);
      }
    }
    w.Add(IMG_HMM_EMIT, emit);
  }
  void LoadModel(const string& filePath) {
    ifstream ifile(filePath.c_str());
    XCHECK(ifile.is_open()) << "open " << filePath << " failed";
    string line;
    vector<string> tmp;
    vector<string> tmp2;
    //Load startProb
    XCHECK(GetLine(ifile, line));
    Split(line, tmp, " ");
    XCHECK(tmp.size() == STATUS_SUM);
    for (size_t j = 0; j< tmp.size(); j++) {
      startProb[j] = atof(tmp[j].c_str());
    }

    //Load transProb
    for (size_t i = 0; i < STATUS_SUM; i++) {
      XCHECK(GetLine(ifile, line));
      Split(line, tmp, " ");
      XCHECK(tmp.size() == STATUS_SUM);
      for (size_t j =0; j < STATUS_SUM; j++) {
        transProb[i][j] = atof(tmp[j].c_str());
      }
    }

    //Load emitProbB
    XCHECK(GetLine(ifile, line));
    XCHECK(LoadEmitProb(line, emitProbB));

    //Load emitProbE
    XCHECK(GetLine(ifile, line));
    XCHECK(LoadEmitProb(line, emitProbE));

    //Load emitProbM
    XCHECK(GetLine(ifile, line));
    XCHECK(LoadEmitProb(line, emitProbM));

    //Load emitProbS
    XCHECK(GetLine(ifile, line));
    XCHECK(LoadEmitProb(line, emitProbS));
  }
  double GetEmitProb(const EmitProbMap* ptMp, Rune key, 
        double defVal)const {
    EmitProbMap::const_iterator cit = ptMp->find(key);
    if (cit == ptMp->end()) {
      return defVal;
    }
    return cit->second;
  }
  bool GetLine(ifstream& ifile, string& line) {
    while (getline(ifile, line)) {
      Trim(line);
      if (line.empty()) {
        continue;
      }
      if (StartsWith(line, "#")) {
        continue;
      }
      return true;
    }
    return false;
  }
  bool LoadEmitProb(const string& line, EmitProbMap& mp) {
    if (line.empty()) {
      return false;
    }
    vector<string> tmp, tmp2;
    Unicode unicode;
    Split(line, tmp, ",");
    for (size_t i = 0; i < tmp.size(); i++) {
      Split(tmp[i], tmp2, ":");
      if (2 != tmp2.size()) {
        XLOG(ERROR) << "emitProb illegal.";
        return false;
      }
      if (!DecodeUTF8RunesInString(tmp2[0], unicode) || unicode.size() != 1) {
        XLOG(ERROR) << "TransCode failed.";
        return false;
      }
      mp[unicode[0]] = atof(tmp2[1].c_str());
    }
    return true;
  }

  char statMap[STATUS_SUM];
  double startProb[STATUS_SUM];
  double transProb[STATUS_SUM][STATUS_SUM];
  EmitProbMap emitProbB;
  EmitProbMap emitProbE;
  EmitProbMap emitProbM;
  EmitProbMap emitProbS;
  vector<EmitProbMap* > emitProbVec;
}; // struct HMMModel

} // namespace cppjieba

#endif
