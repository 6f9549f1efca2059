"""Generate a synthetic eGovFrame-style monolith of a chosen size, for benchmarks.

Each business area gets entities with the usual layers (VO, Service, ServiceImpl, DAO,
Controller), iBatis sqlMap XML per entity, and DDL with foreign keys; areas call a few others, and
everything uses a handful of shared utilities. Deterministic for a given size and seed.
"""

from __future__ import annotations

import random
from pathlib import Path

LAYERS = 5  # VO, Service, ServiceImpl, DAO, Controller


def generate(
    root: Path, classes: int, seed: int = 1, entities_per_area: int = 6
) -> dict[str, int]:
    rnd = random.Random(seed)
    entities = max(1, classes // LAYERS)
    areas = max(2, entities // entities_per_area)
    src = root / "src/main/java"
    res = root / "src/main/resources/sqlmap"
    util = src / "bench/common"
    util.mkdir(parents=True, exist_ok=True)
    (util / "StringUtil.java").write_text(
        "package bench.common;\npublic final class StringUtil {\n"
        "    public static boolean isEmpty(String s) { return s == null || s.isEmpty(); }\n}\n"
    )
    (util / "BaseVO.java").write_text(
        "package bench.common;\npublic class BaseVO { protected int pageIndex; }\n"
    )
    (util / "AbstractDAO.java").write_text(
        "package bench.common;\nimport java.util.List;\npublic abstract class AbstractDAO {\n"
        "    protected List<?> list(String id, Object p) { return null; }\n"
        "    protected int update(String id, Object p) { return 0; }\n}\n"
    )
    ddl: list[str] = []
    names = [[f"A{a}E{e}" for e in range(entities_per_area)] for a in range(areas)]
    count = 3
    for a in range(areas):
        pkg = f"bench.area{a}"
        for e, name in enumerate(names[a]):
            if count + LAYERS > classes + 3:
                break
            count += LAYERS
            table = f"T_{name.upper()}"
            base = src / "bench" / f"area{a}"
            for sub in ("service", "service/impl", "web"):
                (base / sub).mkdir(parents=True, exist_ok=True)
            peer = names[a][(e + 1) % len(names[a])]
            other_area = rnd.randrange(areas)
            other = names[other_area][rnd.randrange(entities_per_area)]
            cross = rnd.random() < 0.25 and other_area != a
            (base / f"service/{name}VO.java").write_text(
                f"package {pkg}.service;\nimport bench.common.BaseVO;\n"
                f"public class {name}VO extends BaseVO {{\n"
                f"    private String {name.lower()}Id;\n"
                "    private String title;\n"
                "    public String getTitle() { return title; }\n}\n"
            )
            (base / f"service/{name}Service.java").write_text(
                f"package {pkg}.service;\nimport java.util.List;\n"
                f"public interface {name}Service {{\n"
                f"    List<{name}VO> select{name}List({name}VO vo) throws Exception;\n"
                f"    void approve{name}({name}VO vo) throws Exception;\n}}\n"
            )
            extra_import = (
                f"import bench.area{other_area}.service.{other}Service;\n" if cross else ""
            )
            extra_field = (
                f'    @Resource(name = "{other[0].lower()}{other[1:]}Service")\n'
                f"    private {other}Service otherService;\n"
                if cross
                else ""
            )
            extra_call = "        otherService.approve" + other + "(null);\n" if cross else ""
            (base / f"service/impl/{name}ServiceImpl.java").write_text(
                f"package {pkg}.service.impl;\nimport java.util.List;\n"
                f"import javax.annotation.Resource;\nimport bench.common.StringUtil;\n"
                f"import {pkg}.service.{name}Service;\nimport {pkg}.service.{name}VO;\n"
                f"import {pkg}.service.{peer}Service;\n{extra_import}"
                f'@Service("{name[0].lower()}{name[1:]}Service")\n'
                f"public class {name}ServiceImpl implements {name}Service {{\n"
                f'    @Resource(name = "{name[0].lower()}{name[1:]}DAO")\n'
                f"    private {name}DAO dao;\n"
                f'    @Resource(name = "{peer[0].lower()}{peer[1:]}Service")\n'
                f"    private {peer}Service peerService;\n{extra_field}"
                f"    public List<{name}VO> select{name}List({name}VO vo) throws Exception {{\n"
                f"        return dao.select{name}List(vo);\n    }}\n"
                f"    public void approve{name}({name}VO vo) throws Exception {{\n"
                f"        if (StringUtil.isEmpty(vo.getTitle())) {{ return; }}\n"
                f"        dao.update{name}(vo);\n        peerService.select{peer}List(null);\n"
                f"{extra_call}    }}\n}}\n"
            )
            (base / f"service/impl/{name}DAO.java").write_text(
                f"package {pkg}.service.impl;\nimport java.util.List;\n"
                f"import bench.common.AbstractDAO;\nimport {pkg}.service.{name}VO;\n"
                f'@Repository("{name[0].lower()}{name[1:]}DAO")\n'
                f"public class {name}DAO extends AbstractDAO {{\n"
                f'    @SuppressWarnings("unchecked")\n'
                f"    public List<{name}VO> select{name}List({name}VO vo) {{\n"
                f'        return (List<{name}VO>) list("{name}DAO.select{name}List", vo);\n'
                f"    }}\n    public void update{name}({name}VO vo) {{\n"
                f'        update("{name}DAO.update{name}", vo);\n    }}\n}}\n'
            )
            (base / f"web/{name}Controller.java").write_text(
                f"package {pkg}.web;\nimport javax.annotation.Resource;\n"
                f"import {pkg}.service.{name}Service;\nimport {pkg}.service.{name}VO;\n"
                f"@Controller\npublic class {name}Controller {{\n"
                f'    @Resource(name = "{name[0].lower()}{name[1:]}Service")\n'
                f"    private {name}Service service;\n"
                f'    @RequestMapping("/area{a}/{name}List.do")\n'
                f"    public String list({name}VO vo) throws Exception {{\n"
                f'        service.select{name}List(vo);\n        return "area{a}/{name}List";\n'
                f"    }}\n}}\n"
            )
            res.mkdir(parents=True, exist_ok=True)
            peer_table = f"T_{peer.upper()}"
            (res / f"{name}_SQL_oracle.xml").write_text(
                f'<?xml version="1.0" encoding="UTF-8"?>\n<sqlMap namespace="{name}">\n'
                f'  <select id="{name}DAO.select{name}List">\n'
                f"    SELECT A.* FROM {table} A LEFT OUTER JOIN {peer_table} B ON B.ID = A.PEER_ID"
                f" WHERE A.TITLE LIKE '%' || #title# || '%'\n  </select>\n"
                f'  <update id="{name}DAO.update{name}">UPDATE {table} SET TITLE = #title# '
                f"WHERE ID = #id#</update>\n</sqlMap>\n"
            )
            ddl.append(
                f"CREATE TABLE {table} (ID VARCHAR2(20) PRIMARY KEY, TITLE VARCHAR2(200), "
                f"PEER_ID VARCHAR2(20) REFERENCES {peer_table} (ID));"
            )
    (root / "db").mkdir(exist_ok=True)
    (root / "db/tables.sql").write_text("\n".join(ddl) + "\n")
    return {"classes": count, "areas": areas, "tables": len(ddl)}
