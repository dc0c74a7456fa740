/// Word lists the generated world draws names and addresses from (fictional combinations of common words).
enum WorldData {
    static let firstNames = [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
        "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "Steven", "Ashley",
        "Andrew", "Kimberly", "Joshua", "Emily", "Kevin", "Donna", "Brian", "Michelle", "Priya", "Mei",
    ]
    static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Nguyen", "Hill", "Flores", "O'Brien",
    ]
    static let businessWords = [
        "Acorn", "Bright", "Cedar", "Delta", "Evergreen", "Falcon", "Golden", "Harbor", "Iron", "Juniper",
        "Keystone", "Lighthouse", "Maple", "North", "Oak", "Pioneer", "Quarry", "River", "Summit", "Tri-County",
        "Union", "Valley", "Willow", "Pacific", "Redwood", "Silver", "Blue Sky", "Granite", "Liberty", "Metro",
    ]
    static let businessKinds = [
        "Dental", "Plumbing", "Bakery", "Auto Repair", "Law Group", "Realty", "Veterinary Clinic", "Printing",
        "Consulting", "Landscaping", "Pharmacy", "Insurance", "Fitness", "Accounting", "Florist", "Hardware",
    ]
    static let entitySuffixes = ["Inc", "LLC", "Co", "Corp", "", "", "LLP", "Ltd"]
    static let streetNames = [
        "Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Walnut",
        "Sunset", "Lincoln", "Jackson", "Highland", "Church", "Ridge", "Mill", "Spring", "Meadow", "River",
        "Franklin", "Madison", "Chestnut", "Willow", "Center", "Forest", "Jefferson", "Cherry", "Dogwood",
    ]
    static let streetSuffixes = ["St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Ct", "Way", "Pl", "Pkwy"]
    static let directionals = ["", "", "", "", "N", "S", "E", "W"]
    static let unitKinds = ["Suite", "Apt", "Unit", "Ste", "#"]

    /// A state or province: its code, a few cities, and ZIP prefixes (3 digits) or a postal-code letter.
    struct Region {
        let code: String
        let cities: [String]
        let zipPrefixes: [String]
        let country: String
    }

    static let regions: [Region] = [
        Region(code: "AL", cities: ["Birmingham", "Montgomery", "Huntsville"], zipPrefixes: ["352", "361", "358"], country: "US"),
        Region(code: "AK", cities: ["Anchorage", "Fairbanks", "Juneau"], zipPrefixes: ["995", "997", "998"], country: "US"),
        Region(code: "AZ", cities: ["Phoenix", "Tucson", "Mesa"], zipPrefixes: ["850", "857", "852"], country: "US"),
        Region(code: "AR", cities: ["Little Rock", "Fayetteville", "Fort Smith"], zipPrefixes: ["722", "727", "729"], country: "US"),
        Region(code: "CA", cities: ["Los Angeles", "San Francisco", "San Diego", "Sacramento", "Fresno"],
               zipPrefixes: ["900", "941", "921", "958", "937"], country: "US"),
        Region(code: "CO", cities: ["Denver", "Colorado Springs", "Boulder"], zipPrefixes: ["802", "809", "803"], country: "US"),
        Region(code: "CT", cities: ["Hartford", "New Haven", "Stamford"], zipPrefixes: ["061", "065", "069"], country: "US"),
        Region(code: "DE", cities: ["Wilmington", "Dover", "Newark"], zipPrefixes: ["198", "199", "197"], country: "US"),
        Region(code: "DC", cities: ["Washington"], zipPrefixes: ["200"], country: "US"),
        Region(code: "FL", cities: ["Miami", "Orlando", "Tampa", "Jacksonville"], zipPrefixes: ["331", "328", "336", "322"], country: "US"),
        Region(code: "GA", cities: ["Atlanta", "Savannah", "Augusta"], zipPrefixes: ["303", "314", "309"], country: "US"),
        Region(code: "HI", cities: ["Honolulu", "Hilo", "Kailua"], zipPrefixes: ["968", "967", "967"], country: "US"),
        Region(code: "ID", cities: ["Boise", "Idaho Falls", "Pocatello"], zipPrefixes: ["837", "834", "832"], country: "US"),
        Region(code: "IL", cities: ["Chicago", "Springfield", "Peoria", "Naperville"], zipPrefixes: ["606", "627", "616", "605"], country: "US"),
        Region(code: "IN", cities: ["Indianapolis", "Fort Wayne", "Evansville"], zipPrefixes: ["462", "468", "477"], country: "US"),
        Region(code: "IA", cities: ["Des Moines", "Cedar Rapids", "Davenport"], zipPrefixes: ["503", "524", "528"], country: "US"),
        Region(code: "KS", cities: ["Wichita", "Topeka", "Overland Park"], zipPrefixes: ["672", "666", "662"], country: "US"),
        Region(code: "KY", cities: ["Louisville", "Lexington", "Bowling Green"], zipPrefixes: ["402", "405", "421"], country: "US"),
        Region(code: "LA", cities: ["New Orleans", "Baton Rouge", "Shreveport"], zipPrefixes: ["701", "708", "711"], country: "US"),
        Region(code: "ME", cities: ["Portland", "Bangor", "Augusta"], zipPrefixes: ["041", "044", "043"], country: "US"),
        Region(code: "MD", cities: ["Baltimore", "Annapolis", "Rockville"], zipPrefixes: ["212", "214", "208"], country: "US"),
        Region(code: "MA", cities: ["Boston", "Worcester", "Springfield", "Cambridge"], zipPrefixes: ["021", "016", "011", "021"], country: "US"),
        Region(code: "MI", cities: ["Detroit", "Grand Rapids", "Ann Arbor", "Lansing"], zipPrefixes: ["482", "495", "481", "489"], country: "US"),
        Region(code: "MN", cities: ["Minneapolis", "Saint Paul", "Duluth"], zipPrefixes: ["554", "551", "558"], country: "US"),
        Region(code: "MS", cities: ["Jackson", "Gulfport", "Hattiesburg"], zipPrefixes: ["392", "395", "394"], country: "US"),
        Region(code: "MO", cities: ["Kansas City", "Saint Louis", "Springfield"], zipPrefixes: ["641", "631", "658"], country: "US"),
        Region(code: "MT", cities: ["Billings", "Missoula", "Helena"], zipPrefixes: ["591", "598", "596"], country: "US"),
        Region(code: "NE", cities: ["Omaha", "Lincoln", "Grand Island"], zipPrefixes: ["681", "685", "688"], country: "US"),
        Region(code: "NV", cities: ["Las Vegas", "Reno", "Henderson"], zipPrefixes: ["891", "895", "890"], country: "US"),
        Region(code: "NH", cities: ["Manchester", "Nashua", "Concord"], zipPrefixes: ["031", "030", "033"], country: "US"),
        Region(code: "NJ", cities: ["Newark", "Jersey City", "Trenton", "Princeton"], zipPrefixes: ["071", "073", "086", "085"], country: "US"),
        Region(code: "NM", cities: ["Albuquerque", "Santa Fe", "Las Cruces"], zipPrefixes: ["871", "875", "880"], country: "US"),
        Region(code: "NY", cities: ["New York", "Brooklyn", "Buffalo", "Rochester", "Albany"],
               zipPrefixes: ["100", "112", "142", "146", "122"], country: "US"),
        Region(code: "NC", cities: ["Charlotte", "Raleigh", "Durham", "Asheville"], zipPrefixes: ["282", "276", "277", "288"], country: "US"),
        Region(code: "ND", cities: ["Fargo", "Bismarck", "Grand Forks"], zipPrefixes: ["581", "585", "582"], country: "US"),
        Region(code: "OH", cities: ["Columbus", "Cleveland", "Cincinnati", "Toledo"], zipPrefixes: ["432", "441", "452", "436"], country: "US"),
        Region(code: "OK", cities: ["Oklahoma City", "Tulsa", "Norman"], zipPrefixes: ["731", "741", "730"], country: "US"),
        Region(code: "OR", cities: ["Portland", "Eugene", "Salem"], zipPrefixes: ["972", "974", "973"], country: "US"),
        Region(code: "PA", cities: ["Philadelphia", "Pittsburgh", "Harrisburg", "Allentown"], zipPrefixes: ["191", "152", "171", "181"], country: "US"),
        Region(code: "RI", cities: ["Providence", "Warwick", "Newport"], zipPrefixes: ["029", "028", "028"], country: "US"),
        Region(code: "SC", cities: ["Columbia", "Charleston", "Greenville"], zipPrefixes: ["292", "294", "296"], country: "US"),
        Region(code: "SD", cities: ["Sioux Falls", "Rapid City", "Pierre"], zipPrefixes: ["571", "577", "575"], country: "US"),
        Region(code: "TN", cities: ["Nashville", "Memphis", "Knoxville"], zipPrefixes: ["372", "381", "379"], country: "US"),
        Region(code: "TX", cities: ["Houston", "Dallas", "Austin", "San Antonio", "El Paso"],
               zipPrefixes: ["770", "752", "787", "782", "799"], country: "US"),
        Region(code: "UT", cities: ["Salt Lake City", "Provo", "Ogden"], zipPrefixes: ["841", "846", "844"], country: "US"),
        Region(code: "VT", cities: ["Burlington", "Montpelier", "Rutland"], zipPrefixes: ["054", "056", "057"], country: "US"),
        Region(code: "VA", cities: ["Richmond", "Virginia Beach", "Arlington", "Norfolk"], zipPrefixes: ["232", "234", "222", "235"], country: "US"),
        Region(code: "WA", cities: ["Seattle", "Spokane", "Tacoma"], zipPrefixes: ["981", "992", "984"], country: "US"),
        Region(code: "WV", cities: ["Charleston", "Morgantown", "Huntington"], zipPrefixes: ["253", "265", "257"], country: "US"),
        Region(code: "WI", cities: ["Milwaukee", "Madison", "Green Bay"], zipPrefixes: ["532", "537", "543"], country: "US"),
        Region(code: "WY", cities: ["Cheyenne", "Casper", "Laramie"], zipPrefixes: ["820", "826", "820"], country: "US"),
        Region(code: "ON", cities: ["Toronto", "Ottawa", "Hamilton"], zipPrefixes: ["M", "K", "L"], country: "CA"),
        Region(code: "QC", cities: ["Montreal", "Quebec", "Laval"], zipPrefixes: ["H", "G", "H"], country: "CA"),
        Region(code: "BC", cities: ["Vancouver", "Victoria", "Surrey"], zipPrefixes: ["V", "V", "V"], country: "CA"),
        Region(code: "AB", cities: ["Calgary", "Edmonton", "Red Deer"], zipPrefixes: ["T", "T", "T"], country: "CA"),
    ]

    /// Area codes with their state or province (the larger part of the NANP; others fall back to a hash pick).
    static let npaRegions = """
    205 AL 251 AL 256 AL 334 AL 907 AK 480 AZ 520 AZ 602 AZ 623 AZ 928 AZ 479 AR 501 AR 870 AR \
    209 CA 213 CA 310 CA 323 CA 408 CA 415 CA 510 CA 530 CA 559 CA 562 CA 619 CA 626 CA 650 CA 661 CA 707 CA \
    714 CA 760 CA 805 CA 818 CA 831 CA 858 CA 909 CA 916 CA 925 CA 949 CA 951 CA 303 CO 719 CO 720 CO 970 CO \
    203 CT 475 CT 860 CT 302 DE 202 DC 239 FL 305 FL 321 FL 352 FL 386 FL 407 FL 561 FL 727 FL 754 FL 772 FL \
    786 FL 813 FL 850 FL 863 FL 904 FL 941 FL 954 FL 229 GA 404 GA 470 GA 478 GA 678 GA 706 GA 770 GA 912 GA \
    808 HI 208 ID 217 IL 224 IL 309 IL 312 IL 618 IL 630 IL 708 IL 773 IL 815 IL 847 IL 219 IN 260 IN 317 IN \
    574 IN 765 IN 812 IN 319 IA 515 IA 563 IA 712 IA 316 KS 620 KS 785 KS 913 KS 270 KY 502 KY 606 KY 859 KY \
    225 LA 318 LA 337 LA 504 LA 985 LA 207 ME 240 MD 301 MD 410 MD 443 MD 339 MA 413 MA 508 MA 617 MA 774 MA \
    781 MA 857 MA 978 MA 231 MI 248 MI 269 MI 313 MI 517 MI 586 MI 616 MI 734 MI 810 MI 906 MI 989 MI 218 MN \
    320 MN 507 MN 612 MN 651 MN 763 MN 952 MN 228 MS 601 MS 662 MS 314 MO 417 MO 573 MO 636 MO 660 MO 816 MO \
    406 MT 308 NE 402 NE 702 NV 725 NV 775 NV 603 NH 201 NJ 551 NJ 609 NJ 732 NJ 848 NJ 856 NJ 862 NJ 908 NJ \
    973 NJ 505 NM 575 NM 212 NY 315 NY 347 NY 516 NY 518 NY 585 NY 607 NY 631 NY 646 NY 716 NY 718 NY 845 NY \
    914 NY 917 NY 929 NY 252 NC 336 NC 704 NC 828 NC 910 NC 919 NC 980 NC 984 NC 701 ND 216 OH 234 OH 330 OH \
    419 OH 440 OH 513 OH 614 OH 740 OH 937 OH 405 OK 580 OK 918 OK 503 OR 541 OR 971 OR 215 PA 267 PA 412 PA \
    484 PA 570 PA 610 PA 717 PA 724 PA 814 PA 401 RI 803 SC 843 SC 864 SC 605 SD 423 TN 615 TN 731 TN 865 TN \
    901 TN 931 TN 210 TX 214 TX 254 TX 281 TX 325 TX 361 TX 409 TX 430 TX 432 TX 469 TX 512 TX 682 TX 713 TX \
    737 TX 806 TX 817 TX 830 TX 832 TX 903 TX 915 TX 936 TX 940 TX 956 TX 972 TX 979 TX 385 UT 435 UT 801 UT \
    802 VT 276 VA 434 VA 540 VA 571 VA 703 VA 757 VA 804 VA 206 WA 253 WA 360 WA 425 WA 509 WA 304 WV 681 WV \
    262 WI 414 WI 608 WI 715 WI 920 WI 307 WY 416 ON 647 ON 437 ON 613 ON 905 ON 289 ON 519 ON 705 ON 807 ON \
    514 QC 438 QC 418 QC 450 QC 819 QC 604 BC 778 BC 250 BC 236 BC 403 AB 587 AB 780 AB 825 AB
    """
}
