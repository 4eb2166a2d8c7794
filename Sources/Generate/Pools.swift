/// Word pools for realistic Chinese names of people, units, hospitals and pharmacies.
enum Pools {
    /// The commonest surnames, roughly by frequency (common ones repeated).
    static let surnames: [String] = Array(("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
        + "王李张刘陈杨赵孙王李张刘").map(String.init))

    static let maleGiven: [String] = Array("伟强磊军勇杰涛明超刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林建国庆文博志成斌峰亮东海兵晓").map(String.init)
    static let femaleGiven: [String] = Array("芳娜敏静丽艳娟霞秀玲桂英红梅琳燕萍莉婷雪慧颖洁倩晶月兰凤琴云蕾欣怡佳璐丹").map(String.init)
    static let middle: [String] = Array("晓建文志春海金玉立永德明秀丽国新红世学家美思子雨嘉俊").map(String.init)

    static let unitStems = ["鑫源", "恒通", "华泰", "泰丰", "宏达", "瑞祥", "金诺", "汇丰", "裕隆", "昌盛", "同力", "东方", "新华",
                            "运河", "鲁西", "沂蒙", "凤凰", "水城", "嘉禾", "信诚", "润泽", "博远", "中鼎", "天成", "祥和", "兴业",
                            "康达", "德盛", "宏图", "永安", "腾飞", "海川", "绿源", "北辰", "明珠", "正大", "聚源", "万达"]
    static let trades = ["物流", "机械制造", "食品", "纺织", "建材", "商贸", "电子科技", "轴承", "农业开发", "化工", "印务", "家具",
                         "汽车配件", "餐饮管理", "建筑工程", "信息技术", "钢管", "木业", "医疗器械", "环保科技", "包装", "服饰"]
    static let companyKinds = ["有限公司", "有限责任公司", "股份有限公司"]
    static let publicUnits = ["{city}{district}第二实验小学", "{city}{district}人民医院", "{city}{district}自然资源局", "{city}{district}综合行政执法局",
                              "{city}{district}图书馆", "{city}{district}疾病预防控制中心", "{city}{district}文化馆", "{city}{district}档案馆",
                              "{city}{stem}行业协会", "{city}{trade}商会", "{city}{district}园林绿化服务中心", "{city}{district}水利事务服务中心"]
    static let departments = ["人力资源部", "综合办公室", "财务部", "行政部", "办公室", "人事科", "综合科", "财务科", "秘书处"]
    static let hospitalKinds = ["医院", "中医医院", "骨科医院", "妇产医院", "康复医院", "口腔医院", "眼科医院", "综合门诊部"]
    static let hospitalStems = ["仁和", "康泰", "博爱", "仁爱", "华康", "济民", "同济", "福康", "益民", "康宁", "广济", "安康"]
    static let pharmacyStems = ["仁济", "百姓", "康源", "益寿堂", "同仁堂", "济生", "保和堂", "福寿", "惠民", "国泰"]
    static let clinicalDepartments = ["内科", "外科", "妇产科", "儿科", "中医科", "康复医学科", "急诊科", "眼科", "耳鼻咽喉科", "口腔科",
                                      "皮肤科", "医学检验科", "医学影像科", "麻醉科", "骨科", "神经内科", "心血管内科", "肿瘤科"]
    static let ownerships = ["民营", "私营", "集体", "国有", "股份制", "个体"]
    static let institutionCategories = ["综合医院", "中医医院", "专科医院", "门诊部", "卫生院", "社区卫生服务中心"]
    static let hospitalLevels = ["一级甲等", "一级乙等", "二级甲等", "二级乙等", "三级乙等", "三级甲等", "未定级"]
    static let banks = ["中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "交通银行", "中国邮政储蓄银行", "齐鲁银行"]
    static let otherOffices = ["德州市医疗保险事业中心", "济南市医疗保障服务中心", "潍坊市医疗保险事业中心", "泰安市医疗保险事业中心",
                               "青岛市医疗保险事业中心", "日照市医疗保障服务中心", "枣庄市医疗保险事业中心", "徐州市医疗保险基金管理中心"]
    static let otherOfficeCodes = ["371400", "370100", "370700", "370900", "370200", "371100", "370400", "320300"]
    static let faultyOptions = ["新农合", "个体工商户", "无", "商业保险", "不详", "自费", "灵活就业"]
}

/// Where a submission comes from: the city's districts with the streets and postcodes of each.
struct Places {
    struct Place {
        var district: String
        /// The name used in addresses (东昌府区, 临清市, 高唐县).
        var addressName: String
        var streets: [String]
        var postcode: String
    }

    static let cities: [String: (name: String, areaCode: String, places: [Place])] = [
        "371500": ("聊城市", "0635", [
            Place(district: "市直", addressName: "东昌府区", streets: ["东昌东路", "柳园南路", "兴华西路", "花园北路", "振兴西路", "建设东路"], postcode: "252000"),
            Place(district: "东昌府区", addressName: "东昌府区", streets: ["湖南路", "光岳路", "古楼街道楼南大街", "昌润路", "利民东路"], postcode: "252000"),
            Place(district: "临清", addressName: "临清市", streets: ["青年路", "新华路", "先锋路", "银河路", "永青街"], postcode: "252600"),
            Place(district: "高唐", addressName: "高唐县", streets: ["鱼丘湖街道金城路", "人和路", "时风路", "官道街"], postcode: "252800"),
            Place(district: "茌平", addressName: "茌平区", streets: ["新政路", "振兴路", "中心街", "信发街"], postcode: "252100"),
            Place(district: "阳谷", addressName: "阳谷县", streets: ["谷山路", "狮子楼路", "运河路", "金水湖路"], postcode: "252300"),
            Place(district: "东阿", addressName: "东阿县", streets: ["阿胶街", "曙光街", "前进街", "洛神街"], postcode: "252200"),
            Place(district: "冠县", addressName: "冠县", streets: ["冠宜春路", "红旗路", "武训大道", "振兴路"], postcode: "252500"),
            Place(district: "莘县", addressName: "莘县", streets: ["燕塔路", "莘州街道莘亭路", "东顺路", "政府街"], postcode: "252400"),
            Place(district: "开发区", addressName: "经济技术开发区", streets: ["黄山路", "中华路", "长江路", "嵩山路"], postcode: "252000"),
            Place(district: "高新区", addressName: "高新技术产业开发区", streets: ["天津路", "九州街道黄河路", "长江路", "松桂路"], postcode: "252000"),
            Place(district: "度假区", addressName: "江北水城旅游度假区", streets: ["湖西路", "凤凰台路", "东关街"], postcode: "252000"),
        ]),
        "371300": ("临沂市", "0539", [
            Place(district: "市直", addressName: "兰山区", streets: ["沂蒙路", "北京路", "济南路", "金雀山路", "蒙山大道"], postcode: "276000"),
            Place(district: "兰山区", addressName: "兰山区", streets: ["金雀山路", "解放路", "通达路", "上海路", "涑河北街"], postcode: "276002"),
            Place(district: "罗庄区", addressName: "罗庄区", streets: ["罗程路", "湖北路", "双月湖路", "龙潭路"], postcode: "276017"),
            Place(district: "河东区", addressName: "河东区", streets: ["东兴路", "人民大街", "沂河路", "凤仪街"], postcode: "276034"),
            Place(district: "郯城县", addressName: "郯城县", streets: ["人民路", "郯东路", "建设路", "郯城街道东关街"], postcode: "276100"),
            Place(district: "兰陵县", addressName: "兰陵县", streets: ["会宝路", "兰陵路", "文峰路", "振兴路"], postcode: "277700"),
            Place(district: "沂水县", addressName: "沂水县", streets: ["长安路", "龙山路", "正阳路", "沂蒙山路"], postcode: "276400"),
            Place(district: "沂南县", addressName: "沂南县", streets: ["澳柯玛大道", "历山路", "振兴路", "人民路"], postcode: "276300"),
            Place(district: "平邑县", addressName: "平邑县", streets: ["莲花山路", "浚河路", "金花路", "平邑街道东门街"], postcode: "273300"),
            Place(district: "费县", addressName: "费县", streets: ["沂蒙路", "建设路", "文化路", "金山路"], postcode: "273400"),
            Place(district: "蒙阴县", addressName: "蒙阴县", streets: ["叠翠路", "蒙山路", "新城路", "东城路"], postcode: "276200"),
            Place(district: "莒南县", addressName: "莒南县", streets: ["文化路", "人民路", "隆山路", "民主路"], postcode: "276600"),
            Place(district: "临沭县", addressName: "临沭县", streets: ["常林大街", "滨海路", "沭河大街", "兴大路"], postcode: "276700"),
            Place(district: "高新区", addressName: "高新技术产业开发区", streets: ["科技大道", "工业大道", "解放东路", "双月园路"], postcode: "276017"),
            Place(district: "经开区", addressName: "经济技术开发区", streets: ["沃尔沃路", "长春路", "华夏路", "梅埠街道杭州路"], postcode: "276023"),
            Place(district: "临港区", addressName: "临港经济开发区", streets: ["临港大道", "壮岗大街", "坪上大街"], postcode: "276624"),
            Place(district: "蒙山区", addressName: "蒙山旅游度假区", streets: ["蒙山大道", "柏林镇驻地大街", "云蒙湖路"], postcode: "273300"),
        ]),
    ]
}
