// National number plans: `code ISO trunk rule...`; trunk `0` = a leading 0 after +code is dropped.
// A rule is `leading-digits:min-max:type` over the national significant number, digits or [sets]
// per position (at most 4), types g geographic, t toll_free, p premium, s personal, o other (mobile,
// pagers, VoIP, shared-cost and other non-geographic ranges). The longest matching prefix wins.
// Written from the national numbering plans (Ofcom, BNetzA, ARCEP, CNMC, AGCOM, ACM, ComReg, ACMA,
// DoT/TRAI, Anatel, IFT, MIC) as summarised by libphonenumber 9.0.43; see docs/numbers.md.
extension NationalNumberPlan {
    static let source = #"""
44 GB 0 1:9-10:g 2:10:g 3:10:o 55:10:o 56:10:o 7:10:o 70:10:s 76:10:o 800:9-10:t 808:10:t 84:10:o 84[2-5]:10:p 87:10:o 87[0-3]:10:p 9[018]:10:p
49 DE 0 [2-9]:5-13:g 32:11-13:o 1[5-7]:10-11:o 16[4-9]:5-13:o 137:10:p 138:7:o 180:7-13:o 18[1-9]:8-13:o 700:11:s 800:10-13:t 900:10-11:p
33 FR 0 [1-5]:9:g 6:9:o 7[3-9]:9:o 80[0-5]:9:t 80[6-9]:9:o 8[1-9]:9:p 81[01]:9:o 82[0156]:9:o 84[024]:9:o 884:9:o 9:9:o
34 ES - [89][1-8]:9:g 6:9:o 7[1-48]:9:o 70:9:s 51:9:o 800:9:t 900:9:t 80[367]:9:p 90[12]:9:o
39 IT - 0:6-11:g 3:9-10:o 43:10:o 55:10:o 800:9:t 803:6:t 84:6-9:o 89:6-10:p 178:10:s 199:9:s
31 NL 0 [1-57]:9:g 6:9:o 970:11:o 8[4578]:9:o 91:9:o 140:5-6:o 800:7-10:t 90[069]:7-10:p
353 IE 0 1:8-9:g [2-79]:7-9:g 8:9:o 700:9:s 76:9:o 818:9:o 1800:10:t 15:10:p 18[59]0:10:o
61 AU 0 [2378]:9:g 4:9:o 13:6-10:o 14:9:o 163:5-9:o 1800:10:t 1802:7:t 190[0-26]:10:p
91 IN 0 [1-5]:10:g [6-9]:10:o 140:10:o 1800:10-13:t 1860:11:o 186[12]:13:p
55 BR 0 1[1-9][2-5]:10:g 2[12478][2-5]:10:g 3[1-578][2-5]:10:g 4[1-9][2-5]:10:g 5[13-5][2-5]:10:g 6[1-9][2-5]:10:g 7[13-579][2-5]:10:g 8[1-9][2-5]:10:g 9[1-9][2-5]:10:g 1[1-9]9:11:o 2[12478]9:11:o 3[1-578]9:11:o 4[1-9]9:11:o 5[13-5]9:11:o 6[1-9]9:11:o 7[13-579]9:11:o 8[1-9]9:11:o 9[1-9]9:11:o 800:9-10:t [59]00:9-10:p 30[03]:8-10:o 40:8:o
52 MX - [2-9]:10:g 300:10:o 500:10:s 800:10:t 888:10:t 900:10:p
81 JP 0 [1-9]:9:g [25789]0:10:o 60:9:s 120:9:t 800:10:t 990:9:p 570:9:o
"""#
}
