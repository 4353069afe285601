#!/usr/bin/env python3
"""Writes N synthetic news articles about conflict and politics as JSON Lines
(id, date, title, url, source, text): the input `dossier extract` and
`dossier ingest` read. Deterministic for a given seed, streamed, and the
first K articles of a corpus of N are the corpus of K (prefixes compare).

    bench/gen_articles.py N [--words 400] [--seed S] > corpus.jsonl
    bench/gen_articles.py --check N [--words 400] [--seed S] [--sample 500]

Every sentence is assembled here from templates with inline alternatives and
slots (actors, places, dates, numbers), so two articles share few 5-word
shingles. The world is fixed (it does not depend on the seed): 30 countries
with real places and real armed groups, and a few hundred recurring
(fictional) officials, spokesmen and envoys, drawn with Zipf-like weights so
that some actors are very frequent. Publication dates are spread over
2015-2025; relative dates ("on Monday") are consistent with them.

--check generates N articles, then, for a sample of articles, finds the most
similar other article among all N by exact 5-word-shingle Jaccard (shingles of
lower-cased words), and prints the maximum and mean of those nearest-neighbour
similarities, the generation speed and the most frequent actors.
"""
import argparse
import datetime
import json
import random
import re
import sys
import time

# ---------------------------------------------------------------------------
# Template language: "[a|b|c]" picks one alternative (nesting allowed),
# "{slot}" takes a value from the article's context: a string, a tuple or list
# of strings from which one is picked at each use, or Phrases (templates
# rendered afresh at each use). Each template is compiled once into a Python
# function, which is what makes a few thousand articles a second possible.


def _parse(t, i=0, stop=False):
    """A node: a string, or a tuple of parts, each a string, (0, slot name)
    or (1, tuple of alternative nodes)."""
    parts, buf, alts = [], [], []
    n = len(t)
    while i < n:
        c = t[i]
        if c == "[":
            if buf:
                parts.append("".join(buf))
                buf = []
            sub, i = _parse(t, i + 1, True)
            parts.append(sub)
            continue
        if stop and c in "|]":
            if buf:
                parts.append("".join(buf))
                buf = []
            alts.append(_simplify(parts))
            parts = []
            i += 1
            if c == "]":
                return (1, tuple(alts)), i
            continue
        if c == "{":
            j = t.index("}", i)
            if buf:
                parts.append("".join(buf))
                buf = []
            parts.append((0, t[i + 1 : j]))
            i = j + 1
            continue
        buf.append(c)
        i += 1
    if stop:
        raise ValueError("unclosed [ in template: " + t)
    if buf:
        parts.append("".join(buf))
    return _simplify(parts), i


def _simplify(parts):
    if not parts:
        return ""
    if len(parts) == 1 and isinstance(parts[0], str):
        return parts[0]
    return tuple(parts)


class Phrases(tuple):
    """A slot value rendered afresh at each use from one of its templates."""


class CapPhrases(tuple):
    """Phrases whose first letter is capitalised (quotes)."""


def _slot(v, ctx, rnd):
    c = v.__class__
    if c is str:
        return v
    if c is Phrases:
        return v[int(rnd() * len(v))](ctx, rnd)
    if c is CapPhrases:
        r = v[int(rnd() * len(v))](ctx, rnd)
        return r[:1].upper() + r[1:]
    return v[int(rnd() * len(v))]


# slots whose value is always one string: read without a call
STR_SLOTS = frozenset(
    "city city2 prov country capital demonym g_intro gshort gshort2 gfull gmedia gfounded gspox gleader hshort "
    "army army_cap police police_cap head_title head interior interior_title defence defence_title foreign "
    "foreign_title army_spox police_spox envoy neighbour weekday day_after target target_short target_kind "
    "victims weapon kvictims kvictims_cap local_name pron orgname orgname_cap orgwho orgperson analyst "
    "think_tank mediator venue visitor visitor_title visitor_country visitor_country_adj cause killed "
    "killed_cap killed2 wounded arrested km mi pct many2 many3 month_past ago_year head_year target_year "
    "sanctioned_n".split()
)


def _codegen(node, ns):
    """Python source of an expression rendering `node`; constants go in ns."""
    if node.__class__ is str:
        return repr(node)
    out = []
    for x in node:
        if x.__class__ is str:
            out.append(repr(x))
        elif x[0] == 0:
            out.append(f"ctx[{x[1]!r}]" if x[1] in STR_SLOTS else f"_slot(ctx[{x[1]!r}], ctx, rnd)")
        else:
            alts = x[1]
            name = f"_c{len(ns)}"
            if all(a.__class__ is str for a in alts):
                ns[name] = alts
                out.append(f"{name}[int(rnd() * {len(alts)})]")
            else:
                ns[name] = tuple(_lambda(a) for a in alts)
                out.append(f"{name}[int(rnd() * {len(alts)})](ctx, rnd)")
    return " + ".join(out) if out else "''"


def _lambda(node):
    ns = {"_slot": _slot}
    return eval("lambda ctx, rnd: " + _codegen(node, ns), ns)


def compile_template(t):
    return _lambda(_parse(t)[0])


def render(p, ctx, rnd):
    return p(ctx, rnd)


def C(*templates):
    return [compile_template(t) for t in templates]


# ---------------------------------------------------------------------------
# The fixed world.

NAMES = {
    "pashto": (
        "Abdul Hamid Abdullah Ahmad Aziz Bashir Daud Fazal Ghulam Habibullah Hamidullah Hekmat Ikramuddin "
        "Jalaluddin Karimullah Khalid Lutfullah Mahmood Mirwais Mohammad Naqibullah Nasrullah Obaidullah "
        "Qari Rahmatullah Sardar Shafiqullah Sher Taj Wahidullah Yousaf Zabiullah Zarif".split(),
        "Afridi Ahmadzai Akhundzada Barakzai Durrani Ghani Haqqani Hotak Jalali Kakar Karimi Khan Khattak "
        "Mangal Mohmand Noorzai Popal Rahimi Safi Sahak Shinwari Stanikzai Wardak Yousafzai Zadran Zazai".split(),
    ),
    "urdu": (
        "Ahsan Asif Bilal Faisal Farhan Hamza Imran Irfan Junaid Kamran Khurram Mohsin Naveed Qamar "
        "Rizwan Saad Salman Shahid Shehzad Tariq Usman Waqar Zafar Zubair Ayesha Nadia Sadia Saima".split(),
        "Abbasi Akram Baig Bhatti Butt Chaudhry Gillani Hashmi Iqbal Jamali Javed Malik Mirza Naqvi Qureshi "
        "Rana Rehman Sattar Sheikh Siddiqui Sultan Tarar Warraich Zaidi".split(),
    ),
    "arabic": (
        "Abdelaziz Abdullah Adel Ahmed Ali Amer Anas Bassam Fadi Faris Hassan Hisham Hussein Ibrahim Issam "
        "Jamal Karim Khaled Mahmoud Majid Marwan Mohammed Mustafa Nabil Omar Osama Rami Saeed Salem Sami "
        "Tarek Walid Yasser Youssef Ziad Amal Huda Layla Mona Rania Salma".split(),
        "Abdelrahman Al-Amin Al-Hashimi Al-Jabouri Al-Masri Al-Obeidi Al-Sheikh Al-Tamimi Al-Zubaidi Aziz "
        "Bakr Darwish Farouk Ghanem Haddad Hamdan Haroun Issa Jaber Kassem Khalil Mansour Nasser Qasim "
        "Rashid Saleh Shaker Suleiman Yassin Zayed".split(),
    ),
    "somali": (
        "Abdirahman Abdikarim Abdiqani Ahmed Ali Bashir Dahir Farah Hassan Hussein Ibrahim Ismail Liban "
        "Mohamed Mohamud Mukhtar Omar Osman Said Sharif Yusuf Fadumo Hodan Amina Sahra".split(),
        "Abdi Adan Aden Ahmed Barre Dirie Egal Elmi Farah Gedi Guled Hersi Hirsi Isse Jama Mahamud "
        "Mohamud Nur Roble Samatar Warsame Yusuf".split(),
    ),
    "sahel": (
        "Abdoulaye Amadou Aliou Boubacar Cheick Drissa Hamidou Ibrahim Issa Mamadou Modibo Moussa Oumar "
        "Sekou Seydou Souleymane Tiemoko Yacouba Zakaria Aminata Fatoumata Mariam Salif Adama".split(),
        "Ag Ahmed Bah Barry Cisse Coulibaly Dembele Diallo Diarra Dicko Kaboré Keita Konaté Koné Maïga "
        "Ouédraogo Sangaré Sawadogo Sidibé Touré Traoré Zongo Issoufou Mahamadou".split(),
    ),
    "nigeria": (
        "Abubakar Adamu Aliyu Babagana Bello Chinedu Emeka Garba Ibrahim Kabiru Mohammed Musa Nnamdi "
        "Olusegun Sani Tunde Usman Yakubu Yusuf Zainab Amina Ngozi Funmilayo Kashim Babatunde".split(),
        "Abdullahi Adebayo Bala Buhari Danjuma Dikko Eze Garba Ibrahim Idris Lawal Mohammed Musa Obi "
        "Ogundipe Okafor Okonkwo Shettima Suleiman Umar Usman Yerima Zulum".split(),
    ),
    "east_africa": (
        "Abebe Alemayehu Daniel David Dawit Fikre Getachew Haile James John Joseph Kamau Kiprono Mulugeta "
        "Musa Omondi Peter Samuel Tesfaye Wanjiku Yohannes Grace Mercy Selam Tigist".split(),
        "Alemu Bekele Gebremedhin Girma Kariuki Kenyatta Kimani Kiptoo Mengistu Mutua Mwangi Ochieng "
        "Odhiambo Otieno Ruto Tadesse Tekle Wafula Wolde Wekesa".split(),
    ),
    "central_africa": (
        "Alain Christophe Emmanuel Faustin Félix Guy Jean Jean-Pierre Joseph Justin Patrick Pierre "
        "Serge Thierry Théophile Benjamin Célestin Augustin Marie Josée Odette Sylvie".split(),
        "Bemba Banza Ilunga Kabila Kalala Kasongo Katumbi Lukusa Makenga Mbala Mbemba Mulumba Mutombo "
        "Ngoy Nzanga Sambi Touadéra Tshibangu Yumbi Zana".split(),
    ),
    "portuguese": (
        "Alberto António Armando Carlos Celso Daniel Eduardo Fernando Filipe João Jorge José Luís Manuel "
        "Mário Paulo Pedro Sérgio Ana Graça Helena Luísa Teresa".split(),
        "Alves Bata Chissano Cossa Fernandes Guebuza Langa Machava Macuácua Mondlane Muianga Nhaca Nyusi "
        "Sitoe Tembe Uamusse Vilanculo Zandamela".split(),
    ),
    "spanish": (
        "Alejandro Andrés Camilo Carlos Diego Eduardo Felipe Fernando Gustavo Héctor Iván Javier Jorge José "
        "Juan Luis Manuel Miguel Pablo Rafael Ricardo Sergio Ana Carolina Claudia Laura Marcela Paola".split(),
        "Álvarez Castro Cortés Díaz Duque Espinosa Gómez González Guerrero Herrera Jiménez López Medina "
        "Mejía Morales Ortiz Pérez Ramírez Restrepo Rodríguez Romero Salazar Torres Vargas Velásquez".split(),
    ),
    "haitian": (
        "Ariel Claude Dieudonné Emmanuel Fritz Guy Jean Jocelerme Joseph Louis Michel Pierre Réginald "
        "Rudy Wilson Yves Marie-Claude Nadège Rose Stéphanie".split(),
        "Alexis Baptiste Célestin Charles Chérizier Désir Dorsainvil Étienne Fils-Aimé Jean-Louis Joseph "
        "Lamothe Moïse Paul Pierre-Louis Saint-Fleur Théodore Valcourt".split(),
    ),
    "burmese": (
        "Aung Hla Htun Khin Kyaw Maung Min Myint Nyi Soe Thant Than Thein Tun Win Zaw Ye Myo".split(),
        "Aung Htay Kyaw Lwin Myint Naing Oo Shwe Soe Thu Tun Win Zaw Hlaing Latt Moe".split(),
    ),
    "filipino": (
        "Antonio Benjamin Carlito Danilo Eduardo Emmanuel Ferdinand Gilbert Jesus Jose Leonardo Manuel "
        "Ramon Ricardo Rodolfo Romeo Rolando Teodoro Maria Leila Risa Corazon".split(),
        "Abdullah Aquino Bautista Castillo Cruz Dela Cruz Dimaporo Garcia Lacson Lim Macapagal Mendoza "
        "Ocampo Pangilinan Ramos Reyes Santos Tan Torres Villanueva".split(),
    ),
    "indian": (
        "Amit Anil Arjun Deepak Dinesh Harish Manoj Mukesh Prakash Rahul Rajesh Rakesh Sanjay Sunil "
        "Suresh Vijay Vikram Vinod Anjali Kavita Meena Priya Sunita".split(),
        "Bhat Chauhan Das Gupta Iyer Joshi Kumar Mehta Mishra Nair Pandey Patel Rao Reddy Sharma Singh "
        "Sinha Thakur Tiwari Verma Yadav Lone Dar Mir".split(),
    ),
    "slavic": (
        "Andriy Dmytro Ihor Mykola Oleksandr Oleksiy Petro Serhiy Taras Vasyl Viktor Volodymyr Yuriy "
        "Oksana Olena Iryna Natalia Kateryna Anatoliy Bohdan Roman".split(),
        "Bondarenko Boyko Hrytsenko Kovalenko Kravchenko Lysenko Melnyk Moroz Pavlenko Petrenko Savchenko "
        "Shevchenko Tkachenko Tkachuk Vlasenko Marchenko Kuzmenko Rudenko".split(),
    ),
    "russian": (
        "Aleksandr Aleksei Andrei Dmitry Igor Maxim Mikhail Nikolai Oleg Pavel Sergei Vadim Valery "
        "Viktor Vladimir Yevgeny Yuri Anna Maria Tatiana Yelena".split(),
        "Antonov Belov Fedorov Gromov Ivanov Kozlov Kuznetsov Morozov Novikov Orlov Pavlov Petrov Popov "
        "Semenov Smirnov Sokolov Volkov Zakharov Lebedev".split(),
    ),
    "turkish": (
        "Ahmet Ali Burak Cem Emre Fatih Hakan Hasan Hüseyin Ibrahim Kemal Mehmet Murat Mustafa Ömer "
        "Osman Serkan Süleyman Yusuf Ayşe Elif Zeynep Sinan Bahoz Cemil Rojda".split(),
        "Akın Arslan Aydın Bayık Çelik Demir Doğan Erdem Güler Kaya Karasu Kılıç Koç Kurt Öztürk Şahin "
        "Tekin Uysal Yıldırım Yıldız Yılmaz".split(),
    ),
    "hebrew": (
        "Amir Ariel Avi Benny Daniel Eitan Gadi Itai Moshe Nadav Oren Ron Shlomo Tal Uri Yair Yoav "
        "Yossi Michal Noa Shira Tamar".split(),
        "Ben-David Cohen Dahan Friedman Golan Katz Levi Malka Mizrahi Navon Ofer Peretz Rosen Segal "
        "Shapira Tzur Weiss Yosef Zohar".split(),
    ),
    "western": (
        "Alice Andrew Anna Catherine Charlotte Christian David Elena Emma Henrik Isabel James Jan Julia "
        "Lars Laura Marco Martin Michael Nicolas Paul Peter Rebecca Sarah Simon Sophie Thomas".split(),
        "Andersen Bauer Becker Bennett Carter Dubois Fischer Hansen Hartley Jensen Keller Lambert Larsen "
        "Martin Meyer Morel Nielsen Novak Richter Rossi Schmidt Schneider Whitfield Wright Young".split(),
    ),
}

# key: (full name, short name used after the first mention or None,
#       descriptors, members, founded, media outlet or None, claims attacks)
GROUPS = {
    "ISKP": ("Islamic State Khorasan Province", "ISKP", ["the Islamic State affiliate", "the jihadist group", "the militant group"], ["militants", "fighters", "gunmen"], 2015, "the Amaq news agency", True),
    "Taliban": ("the Taliban", None, ["the movement", "the Islamist movement", "the group"], ["Taliban fighters", "fighters", "militants"], 1994, "its official website", True),
    "TTP": ("Tehreek-e-Taliban Pakistan", "the TTP", ["the Pakistani Taliban", "the banned group", "the militant group"], ["militants", "fighters", "gunmen"], 2007, "Umar Media", True),
    "BLA": ("the Balochistan Liberation Army", "the BLA", ["the separatist group", "the banned insurgent group", "the ethnic Baloch group"], ["insurgents", "separatists", "gunmen"], 2000, "its Telegram channel", True),
    "al-Shabaab": ("al-Shabaab", None, ["the al Qaeda-linked group", "the Islamist group", "the insurgent group"], ["fighters", "militants", "insurgents"], 2006, "the Shahada news agency", True),
    "JNIM": ("Jama'at Nusrat al-Islam wal-Muslimin", "JNIM", ["the al Qaeda affiliate", "the jihadist alliance", "the armed group"], ["jihadists", "fighters", "militants"], 2017, "the az-Zallaqa media foundation", True),
    "ISSP": ("Islamic State Sahel Province", "ISSP", ["the Islamic State branch in the Sahel", "the jihadist group", "the armed group"], ["militants", "jihadists", "fighters"], 2015, "the Amaq news agency", True),
    "Boko Haram": ("Boko Haram", None, ["the jihadist group", "the insurgent group", "the Islamist group"], ["insurgents", "militants", "fighters"], 2002, "its Telegram channel", True),
    "ISWAP": ("Islamic State West Africa Province", "ISWAP", ["the Islamic State affiliate", "the breakaway faction", "the jihadist group"], ["militants", "insurgents", "fighters"], 2016, "the Amaq news agency", True),
    "Ansaru": ("Ansaru", None, ["the al Qaeda-linked group", "the jihadist group", "the splinter group"], ["gunmen", "militants", "fighters"], 2012, "its Telegram channel", True),
    "IPOB": ("the Indigenous People of Biafra", "IPOB", ["the separatist movement", "the banned secessionist group", "the separatist group"], ["gunmen", "separatists", "armed men"], 2012, "Radio Biafra", True),
    "Houthis": ("the Houthi movement", None, ["the Iran-aligned movement", "Ansar Allah", "the group"], ["Houthi fighters", "fighters", "forces"], 1994, "the Al-Masirah television channel", True),
    "AQAP": ("al Qaeda in the Arabian Peninsula", "AQAP", ["the al Qaeda branch", "the jihadist group", "the militant group"], ["militants", "fighters", "gunmen"], 2009, "its al-Malahem media arm", True),
    "Hamas": ("Hamas", None, ["the Islamist group", "the Palestinian militant group", "the movement"], ["Hamas fighters", "gunmen", "militants"], 1987, "its Telegram channel", True),
    "PIJ": ("Palestinian Islamic Jihad", "Islamic Jihad", ["the militant group", "the Iran-backed group", "the armed faction"], ["militants", "gunmen", "fighters"], 1981, "its al-Quds Brigades channel", True),
    "Hezbollah": ("Hezbollah", None, ["the Iran-backed group", "the Shi'ite movement", "the armed group"], ["Hezbollah fighters", "fighters", "militants"], 1982, "its Al-Manar television channel", True),
    "IS": ("the Islamic State", "Islamic State", ["the jihadist group", "the militant group", "the extremist group"], ["militants", "jihadists", "gunmen"], 2014, "the Amaq news agency", True),
    "HTS": ("Hayat Tahrir al-Sham", "HTS", ["the Islamist group", "the rebel alliance", "the armed group"], ["fighters", "rebels", "gunmen"], 2017, "its Telegram channel", True),
    "SDF": ("the Syrian Democratic Forces", "the SDF", ["the Kurdish-led alliance", "the US-backed force", "the militia alliance"], ["fighters", "forces", "militiamen"], 2015, "its media centre", False),
    "PKK": ("the Kurdistan Workers' Party", "the PKK", ["the outlawed group", "the Kurdish militant group", "the armed group"], ["militants", "fighters", "insurgents"], 1978, "the Firat news agency", True),
    "Kataib Hezbollah": ("Kataib Hezbollah", None, ["the Iran-aligned militia", "the armed faction", "the Shi'ite militia"], ["militiamen", "fighters", "gunmen"], 2007, "its Telegram channel", True),
    "Wagner": ("the Wagner Group", "Wagner", ["the Russian private military company", "the mercenary group", "the paramilitary group"], ["mercenaries", "fighters", "contractors"], 2014, None, False),
    "ELN": ("the National Liberation Army", "the ELN", ["the leftist guerrilla group", "the rebel group", "the guerrilla group"], ["guerrillas", "rebels", "fighters"], 1964, "its Insurrección bulletin", True),
    "EMC": ("the Estado Mayor Central", "the EMC", ["the FARC dissident group", "the dissident faction", "the armed group"], ["dissidents", "fighters", "guerrillas"], 2016, "social media", True),
    "Clan del Golfo": ("the Clan del Golfo", None, ["the drug trafficking group", "the criminal organisation", "the armed group"], ["gunmen", "members", "armed men"], 2006, None, False),
    "M23": ("the M23", None, ["the Rwanda-backed rebel group", "the rebel group", "the Tutsi-led rebels"], ["rebels", "fighters", "combatants"], 2012, "X", True),
    "ADF": ("the Allied Democratic Forces", "the ADF", ["the Islamic State-linked group", "the Ugandan-rooted rebel group", "the armed group"], ["rebels", "militants", "fighters"], 1995, "the Amaq news agency", True),
    "CODECO": ("CODECO", None, ["the militia group", "the armed group", "the ethnic militia"], ["militiamen", "fighters", "assailants"], 2017, None, False),
    "RSF": ("the Rapid Support Forces", "the RSF", ["the paramilitary group", "the paramilitary force", "the RSF"], ["fighters", "paramilitaries", "forces"], 2013, "its Telegram channel", True),
    "Arakan Army": ("the Arakan Army", None, ["the ethnic armed group", "the rebel army", "the insurgent group"], ["fighters", "rebels", "insurgents"], 2009, "its Telegram channel", True),
    "PDF": ("the People's Defence Force", "the PDF", ["the anti-junta militia", "the resistance militia", "the armed opposition"], ["fighters", "resistance fighters", "militiamen"], 2021, "social media", True),
    "KIA": ("the Kachin Independence Army", "the KIA", ["the ethnic armed group", "the rebel army", "the insurgent group"], ["fighters", "rebels", "soldiers"], 1961, None, True),
    "Abu Sayyaf": ("the Abu Sayyaf group", "Abu Sayyaf", ["the militant group", "the kidnap-for-ransom group", "the Islamist group"], ["militants", "gunmen", "fighters"], 1991, None, True),
    "NPA": ("the New People's Army", "the NPA", ["the communist rebel group", "the Maoist guerrillas", "the rebel group"], ["rebels", "guerrillas", "fighters"], 1969, "its website", True),
    "ISM": ("Islamic State Mozambique Province", "ISM", ["the Islamic State affiliate", "the insurgent group", "the militant group"], ["insurgents", "militants", "fighters"], 2017, "the Amaq news agency", True),
    "CJNG": ("the Jalisco New Generation Cartel", "the CJNG", ["the drug cartel", "the criminal group", "the cartel"], ["gunmen", "cartel members", "armed men"], 2009, None, False),
    "Sinaloa": ("the Sinaloa Cartel", None, ["the drug cartel", "the criminal organisation", "the cartel"], ["gunmen", "cartel members", "armed men"], 1989, None, False),
    "Viv Ansanm": ("the Viv Ansanm gang coalition", "Viv Ansanm", ["the gang alliance", "the armed coalition", "the gang coalition"], ["gang members", "gunmen", "armed men"], 2023, "social media", True),
    "CPI-Maoist": ("the Communist Party of India (Maoist)", "the CPI (Maoist)", ["the banned rebel group", "the Maoist insurgents", "the outlawed group"], ["Maoist rebels", "insurgents", "rebels"], 2004, "social media", True),
    "TRF": ("The Resistance Front", "TRF", ["the militant group", "the banned group", "the armed group"], ["militants", "gunmen", "attackers"], 2019, "Telegram", True),
    "Fano": ("the Fano militia", "Fano", ["the Amhara militia", "the armed group", "the ethnic militia"], ["militiamen", "fighters", "gunmen"], 2016, None, False),
    "OLA": ("the Oromo Liberation Army", "the OLA", ["the rebel group", "the armed group", "the insurgent group"], ["rebels", "fighters", "gunmen"], 2018, "social media", True),
    "TPLF": ("the Tigray People's Liberation Front", "the TPLF", ["the regional party", "the former rebel movement", "the party"], ["fighters", "forces", "troops"], 1975, None, False),
    "LNA": ("the Libyan National Army", "the LNA", ["the eastern-based force", "the eastern army", "the armed force"], ["forces", "troops", "fighters"], 2014, "its media office", False),
    "Wilayat Sinai": ("Islamic State's Sinai Province", "Sinai Province", ["the Islamic State affiliate", "the jihadist group", "the militant group"], ["militants", "gunmen", "jihadists"], 2014, "the Amaq news agency", True),
    "3R": ("the Return, Reclamation and Rehabilitation group", "3R", ["the rebel group", "the armed group", "the militia"], ["rebels", "fighters", "gunmen"], 2015, None, False),
    "CPC": ("the Coalition of Patriots for Change", "the CPC", ["the rebel coalition", "the armed alliance", "the rebel alliance"], ["rebels", "fighters", "gunmen"], 2020, "its Facebook page", True),
    "FACT": ("the Front for Change and Concord in Chad", "FACT", ["the rebel group", "the armed opposition group", "the insurgent group"], ["rebels", "fighters", "insurgents"], 2016, "its Facebook page", True),
}

# name, demonym, capital, "city/province; ..." (the province as news names
# it), groups (in order of frequency), name culture, head-of-government
# title, army, police
REGIONS = [
    ("Afghanistan", "Afghan", "Kabul", "Kabul/Kabul province; Jalalabad/Nangarhar province; Kandahar/Kandahar province; Kunduz/Kunduz province; Herat/Herat province; Mazar-i-Sharif/Balkh province; Ghazni/Ghazni province; Lashkar Gah/Helmand province; Khost/Khost province; Faizabad/Badakhshan province; Asadabad/Kunar province; Gardez/Paktia province", ["ISKP", "Taliban", "TTP"], "pashto", "Prime Minister", "the Afghan security forces", "Afghan police"),
    ("Pakistan", "Pakistani", "Islamabad", "Peshawar/Khyber Pakhtunkhwa province; Quetta/Balochistan province; Karachi/Sindh province; Lahore/Punjab province; Bannu/Khyber Pakhtunkhwa province; Dera Ismail Khan/Khyber Pakhtunkhwa province; Gwadar/Balochistan province; Turbat/Balochistan province; Bajaur/Khyber Pakhtunkhwa province; Lakki Marwat/Khyber Pakhtunkhwa province; Miranshah/the North Waziristan district; Wana/the South Waziristan district", ["TTP", "BLA", "ISKP"], "urdu", "Prime Minister", "the Pakistani military", "Pakistani police"),
    ("Somalia", "Somali", "Mogadishu", "Mogadishu/Banadir region; Baidoa/Bay region; Beledweyne/Hiiraan region; Kismayo/Lower Juba region; Jowhar/Middle Shabelle region; Afgoye/Lower Shabelle region; Bosaso/Bari region; Galkayo/Mudug region; Dhusamareb/Galgaduud region; Marka/Lower Shabelle region", ["al-Shabaab", "IS"], "somali", "President", "the Somali National Army", "Somali police"),
    ("Nigeria", "Nigerian", "Abuja", "Maiduguri/Borno state; Abuja/the Federal Capital Territory; Kaduna/Kaduna state; Gusau/Zamfara state; Katsina/Katsina state; Sokoto/Sokoto state; Bama/Borno state; Damboa/Borno state; Owerri/Imo state; Makurdi/Benue state; Jos/Plateau state; Damaturu/Yobe state; Yola/Adamawa state", ["ISWAP", "Boko Haram", "Ansaru", "IPOB"], "nigeria", "President", "the Nigerian army", "Nigerian police"),
    ("Mali", "Malian", "Bamako", "Bamako/the Bamako district; Gao/Gao region; Timbuktu/Timbuktu region; Mopti/Mopti region; Kidal/Kidal region; Ménaka/Ménaka region; Ségou/Ségou region; Sévaré/Mopti region; Djenné/Mopti region; Tessalit/Kidal region; Boni/Mopti region; Nioro du Sahel/Kayes region", ["JNIM", "ISSP", "Wagner"], "sahel", "President", "the Malian army", "Malian police"),
    ("Yemen", "Yemeni", "Sanaa", "Sanaa/Sanaa governorate; Aden/Aden governorate; Marib/Marib governorate; Hodeidah/Hodeidah governorate; Taiz/Taiz governorate; Mukalla/Hadramout governorate; Saada/Saada governorate; Ataq/Shabwa governorate; Zinjibar/Abyan governorate; Dhamar/Dhamar governorate", ["Houthis", "AQAP"], "arabic", "Prime Minister", "government forces", "Yemeni police"),
    ("Syria", "Syrian", "Damascus", "Damascus/the Damascus countryside; Aleppo/Aleppo province; Idlib/Idlib province; Deir ez-Zor/Deir ez-Zor province; Raqqa/Raqqa province; Homs/Homs province; Hama/Hama province; Daraa/Daraa province; Latakia/Latakia province; Hasakah/Hasakah province; Qamishli/Hasakah province; Palmyra/Homs province; Al-Bab/Aleppo province", ["IS", "HTS", "SDF"], "arabic", "President", "Syrian government forces", "Syrian police"),
    ("Israel", "Israeli", "Jerusalem", "Gaza City/the Gaza Strip; Khan Younis/the Gaza Strip; Rafah/the Gaza Strip; Deir al-Balah/the Gaza Strip; Jenin/the occupied West Bank; Nablus/the occupied West Bank; Tulkarm/the occupied West Bank; Hebron/the occupied West Bank; Tel Aviv/central Israel; Sderot/southern Israel; Ashkelon/southern Israel; Kiryat Shmona/northern Israel", ["Hamas", "PIJ", "Hezbollah"], "hebrew", "Prime Minister", "the Israeli military", "Israeli police"),
    ("Benin", "Beninese", "Porto-Novo", "Cotonou/the Littoral department; Parakou/the Borgou department; Kandi/the Alibori department; Tanguiéta/the Atacora department; Natitingou/the Atacora department; Malanville/the Alibori department; Porto-Novo/the Ouémé department; Djougou/the Donga department; Karimama/the Alibori department; Matéri/the Atacora department", ["JNIM", "ISSP"], "sahel", "President", "the Beninese army", "Beninese police"),
    ("Burkina Faso", "Burkinabe", "Ouagadougou", "Ouagadougou/the Centre region; Djibo/the Sahel region; Dori/the Sahel region; Fada N'Gourma/the Est region; Kaya/the Centre-Nord region; Ouahigouya/the Nord region; Bobo-Dioulasso/the Hauts-Bassins region; Arbinda/the Sahel region; Barsalogho/the Centre-Nord region; Diapaga/the Est region", ["JNIM", "ISSP"], "sahel", "President", "the Burkinabe army", "Burkinabe police"),
    ("Iraq", "Iraqi", "Baghdad", "Baghdad/Baghdad province; Mosul/Nineveh province; Kirkuk/Kirkuk province; Erbil/the Kurdistan region; Basra/Basra province; Tikrit/Salahuddin province; Fallujah/Anbar province; Ramadi/Anbar province; Samarra/Salahuddin province; Sinjar/Nineveh province; Baquba/Diyala province", ["IS", "Kataib Hezbollah", "PKK"], "arabic", "Prime Minister", "Iraqi security forces", "Iraqi police"),
    ("Democratic Republic of Congo", "Congolese", "Kinshasa", "Goma/North Kivu province; Bukavu/South Kivu province; Beni/North Kivu province; Butembo/North Kivu province; Bunia/Ituri province; Rutshuru/North Kivu province; Kinshasa/Kinshasa province; Uvira/South Kivu province; Masisi/North Kivu province; Djugu/Ituri province; Kalemie/Tanganyika province", ["M23", "ADF", "CODECO"], "central_africa", "President", "the Congolese army", "Congolese police"),
    ("Sudan", "Sudanese", "Khartoum", "Khartoum/Khartoum state; Omdurman/Khartoum state; El Fasher/North Darfur state; Nyala/South Darfur state; El Geneina/West Darfur state; Wad Madani/Gezira state; Port Sudan/Red Sea state; El Obeid/North Kordofan state; Kadugli/South Kordofan state; Sennar/Sennar state", ["RSF"], "arabic", "Prime Minister", "the Sudanese army", "Sudanese police"),
    ("Colombia", "Colombian", "Bogotá", "Bogotá/the capital district; Cali/Valle del Cauca department; Medellín/Antioquia department; Cúcuta/Norte de Santander department; Tumaco/Nariño department; Popayán/Cauca department; Arauca/Arauca department; Quibdó/Chocó department; Buenaventura/Valle del Cauca department; Tibú/Norte de Santander department", ["ELN", "EMC", "Clan del Golfo"], "spanish", "President", "the Colombian army", "Colombian police"),
    ("Myanmar", "Burmese", "Naypyitaw", "Yangon/Yangon region; Mandalay/Mandalay region; Naypyitaw/the Naypyitaw union territory; Sittwe/Rakhine state; Myitkyina/Kachin state; Lashio/Shan state; Hpakant/Kachin state; Sagaing/Sagaing region; Magway/Magway region; Loikaw/Kayah state; Hakha/Chin state", ["Arakan Army", "PDF", "KIA"], "burmese", "junta chief Senior General", "the Myanmar military", "Myanmar police"),
    ("Niger", "Nigerien", "Niamey", "Niamey/the Niamey capital district; Tillabéri/Tillabéri region; Diffa/Diffa region; Agadez/Agadez region; Tahoua/Tahoua region; Zinder/Zinder region; Maradi/Maradi region; Ouallam/Tillabéri region; Ayorou/Tillabéri region; Bosso/Diffa region", ["ISSP", "JNIM", "ISWAP"], "sahel", "President", "the Nigerien army", "Nigerien police"),
    ("Kenya", "Kenyan", "Nairobi", "Nairobi/Nairobi county; Mombasa/Mombasa county; Garissa/Garissa county; Lamu/Lamu county; Mandera/Mandera county; Wajir/Wajir county; Kisumu/Kisumu county; Eldoret/Uasin Gishu county; Nakuru/Nakuru county; Malindi/Kilifi county", ["al-Shabaab"], "east_africa", "President", "the Kenya Defence Forces", "Kenyan police"),
    ("Mozambique", "Mozambican", "Maputo", "Pemba/Cabo Delgado province; Mocímboa da Praia/Cabo Delgado province; Palma/Cabo Delgado province; Macomia/Cabo Delgado province; Montepuez/Cabo Delgado province; Mueda/Cabo Delgado province; Ancuabe/Cabo Delgado province; Maputo/Maputo province; Nampula/Nampula province; Quissanga/Cabo Delgado province; Lichinga/Niassa province", ["ISM"], "portuguese", "President", "the Mozambican army", "Mozambican police"),
    ("Lebanon", "Lebanese", "Beirut", "Beirut/the Beirut area; Tyre/southern Lebanon; Sidon/southern Lebanon; Nabatieh/southern Lebanon; Baalbek/the Bekaa Valley; Hermel/the Bekaa Valley; Tripoli/northern Lebanon; Bint Jbeil/southern Lebanon; Marjayoun/southern Lebanon; Khiam/southern Lebanon", ["Hezbollah"], "arabic", "Prime Minister", "the Lebanese army", "Lebanese police"),
    ("Ethiopia", "Ethiopian", "Addis Ababa", "Addis Ababa/the Addis Ababa city administration; Mekelle/the Tigray region; Bahir Dar/the Amhara region; Gondar/the Amhara region; Dessie/the Amhara region; Lalibela/the Amhara region; Nekemte/the Oromia region; Shashamane/the Oromia region; Adama/the Oromia region; Debre Birhan/the Amhara region; Semera/the Afar region", ["Fano", "OLA", "TPLF"], "east_africa", "Prime Minister", "the Ethiopian National Defense Force", "Ethiopian federal police"),
    ("Libya", "Libyan", "Tripoli", "Tripoli/western Libya; Benghazi/eastern Libya; Misrata/western Libya; Sirte/central Libya; Derna/eastern Libya; Sabha/southern Libya; Zawiya/western Libya; Tobruk/eastern Libya; Gharyan/western Libya; Ajdabiya/eastern Libya", ["LNA", "IS", "Wagner"], "arabic", "Prime Minister", "forces loyal to the Tripoli government", "Libyan police"),
    ("Mexico", "Mexican", "Mexico City", "Culiacán/Sinaloa state; Guadalajara/Jalisco state; Tijuana/Baja California state; Ciudad Juárez/Chihuahua state; Acapulco/Guerrero state; Morelia/Michoacán state; Reynosa/Tamaulipas state; Celaya/Guanajuato state; Uruapan/Michoacán state; Chilpancingo/Guerrero state", ["CJNG", "Sinaloa"], "spanish", "President", "the Mexican army", "Mexican police"),
    ("Philippines", "Filipino", "Manila", "Marawi/Lanao del Sur province; Jolo/Sulu province; Cotabato City/Maguindanao province; Zamboanga/the Zamboanga peninsula; Davao/the Davao region; Manila/Metro Manila; Isabela City/Basilan province; Catarman/Northern Samar province; Bacolod/Negros Occidental province", ["Abu Sayyaf", "NPA", "IS"], "filipino", "President", "the Philippine army", "Philippine police"),
    ("India", "Indian", "New Delhi", "Srinagar/Jammu and Kashmir; Sukma/Chhattisgarh state; Bijapur/Chhattisgarh state; Dantewada/Chhattisgarh state; Anantnag/Jammu and Kashmir; Pulwama/Jammu and Kashmir; Imphal/Manipur state; Raipur/Chhattisgarh state; Gadchiroli/Maharashtra state; Poonch/Jammu and Kashmir; Latehar/Jharkhand state", ["CPI-Maoist", "TRF"], "indian", "Prime Minister", "Indian security forces", "Indian police"),
    ("Haiti", "Haitian", "Port-au-Prince", "Port-au-Prince/the Ouest department; Pétion-Ville/the Ouest department; Croix-des-Bouquets/the Ouest department; Cité Soleil/the Ouest department; Carrefour/the Ouest department; Mirebalais/the Centre department; Saint-Marc/the Artibonite department; Cap-Haïtien/the Nord department; Delmas/the Ouest department; Gonaïves/the Artibonite department", ["Viv Ansanm"], "haitian", "Prime Minister", "Haitian security forces", "the Haitian National Police"),
    ("Turkey", "Turkish", "Ankara", "Ankara/Ankara province; Istanbul/Istanbul province; Diyarbakır/Diyarbakır province; Hakkari/Hakkari province; Şırnak/Şırnak province; Van/Van province; Mardin/Mardin province; Gaziantep/Gaziantep province; Batman/Batman province; Siirt/Siirt province", ["PKK", "IS"], "turkish", "President", "the Turkish military", "Turkish police"),
    ("Cameroon", "Cameroonian", "Yaoundé", "Maroua/the Far North region; Kolofata/the Far North region; Mora/the Far North region; Bamenda/the North-West region; Buea/the South-West region; Kumba/the South-West region; Yaoundé/the Centre region; Douala/the Littoral region; Mokolo/the Far North region; Amchide/the Far North region", ["Boko Haram", "ISWAP"], "central_africa", "President", "the Cameroonian army", "Cameroonian police"),
    ("Egypt", "Egyptian", "Cairo", "Cairo/Cairo governorate; El-Arish/North Sinai governorate; Rafah/North Sinai governorate; Sheikh Zuweid/North Sinai governorate; Bir al-Abd/North Sinai governorate; Alexandria/Alexandria governorate; Ismailia/Ismailia governorate; Giza/Giza governorate; Minya/Minya governorate; Suez/Suez governorate", ["Wilayat Sinai"], "arabic", "President", "the Egyptian army", "Egyptian police"),
    ("Central African Republic", "Central African", "Bangui", "Bangui/the Bangui area; Bambari/Ouaka prefecture; Bria/Haute-Kotto prefecture; Bouar/Nana-Mambéré prefecture; Kaga-Bandoro/Nana-Grébizi prefecture; Bangassou/Mbomou prefecture; Paoua/Ouham-Pendé prefecture; Ndélé/Bamingui-Bangoran prefecture; Obo/Haut-Mbomou prefecture; Berbérati/Mambéré-Kadéï prefecture", ["CPC", "3R", "Wagner"], "central_africa", "President", "the Central African army", "Central African police"),
    ("Chad", "Chadian", "N'Djamena", "N'Djamena/the N'Djamena region; Bol/Lac province; Abéché/Ouaddaï province; Moundou/Logone Occidental province; Faya-Largeau/Borkou province; Mao/Kanem province; Baga Sola/Lac province; Ngouboua/Lac province; Sarh/Moyen-Chari province; Mongo/Guéra province", ["Boko Haram", "FACT", "ISWAP"], "central_africa", "President", "the Chadian army", "Chadian police"),
]

INTL_ORGS = [
    # name, who speaks, its kind of person
    ("the United Nations", "a UN spokesperson", "western"),
    ("the UN Security Council", "the council's president", "western"),
    ("the African Union", "the African Union Commission", "east_africa"),
    ("the European Union", "the EU's foreign policy chief", "western"),
    ("the United States", "the US State Department", "western"),
    ("the International Committee of the Red Cross", "the ICRC", "western"),
    ("Human Rights Watch", "Human Rights Watch", "western"),
    ("Amnesty International", "Amnesty International", "western"),
    ("Doctors Without Borders", "MSF", "western"),
    ("the UN refugee agency", "UNHCR", "western"),
    ("the World Food Programme", "the WFP", "western"),
    ("ECOWAS", "the regional bloc", "nigeria"),
]
MONITORS = ["ACLED", "the Armed Conflict Location and Event Data project", "a local monitoring group", "the UN humanitarian office OCHA", "a tally kept by local officials", "hospital records", "an independent monitoring group", "UN figures"]
MEDIATORS = [("Qatar", "Doha"), ("Turkey", "Istanbul"), ("Egypt", "Cairo"), ("Norway", "Oslo"), ("Saudi Arabia", "Jeddah"), ("Kenya", "Nairobi"), ("Ethiopia", "Addis Ababa"), ("Switzerland", "Geneva"), ("Cuba", "Havana"), ("Oman", "Muscat"), ("Angola", "Luanda"), ("Algeria", "Algiers"), ("Uzbekistan", "Tashkent"), ("Mauritania", "Nouakchott")]
SANCTIONERS = ["the US Treasury", "the European Union", "the UN Security Council", "Britain", "the US Treasury's Office of Foreign Assets Control", "Canada", "Australia", "the United States"]
THINK_TANKS = ["the International Crisis Group", "the Institute for Security Studies", "Chatham House", "the Clingendael Institute", "the Soufan Center", "the Wilson Center", "the Carnegie Endowment", "the Brookings Institution", "the Hudson Institute", "the Stimson Center", "the Royal United Services Institute", "King's College London", "the University of Oslo", "the Crisis Group"]
AGENCIES = [("Meridian", "meridian"), ("Global Wire", "globalwire"), ("Frontline Desk", "frontline"), ("World Dispatch", "dispatch"), ("Continental News", "continental"), ("The Observer Post", "observerpost"), ("Press Monitor", "pressmonitor"), ("Daily Ledger", "ledger"), ("Horizon News", "horizon"), ("Atlas Report", "atlas"), ("Compass Media", "compass"), ("Northstar Press", "northstar")]
PROTEST_CAUSES = ["fuel prices", "the rising cost of living", "the arrest of an opposition leader", "alleged election fraud", "a new tax law", "power cuts", "the killing of a student by police", "corruption in the electricity company", "a delay to the elections", "the insecurity in the north", "unpaid salaries", "a proposed constitutional change", "the presence of foreign troops", "the closure of a university", "food shortages", "a ban on opposition rallies", "the detention of journalists", "police brutality", "a water shortage", "a deal with a foreign mining company", "the government's handling of the security crisis", "the removal of fuel subsidies"]
TARGETS = ["a police checkpoint", "an army post", "a military convoy", "a crowded market", "a mosque", "a church", "a bus station", "a government building", "a police station", "a village", "a camp for displaced people", "a wedding party", "a school", "a hotel", "a checkpoint", "a military base", "a district headquarters", "a busy road", "a prison", "a bank", "a court building", "a gas plant", "a customs post", "a convoy of trucks", "a polling station", "a football stadium", "a tea shop", "a mining site", "a health centre", "a vegetable market"]
VICTIMS = ["soldiers", "police officers", "civilians", "villagers", "worshippers", "passengers", "members of the security forces", "militiamen", "people", "farmers", "children", "traders", "miners", "pro-government fighters", "local guards"]
WEAPONS = ["a roadside bomb", "an improvised explosive device", "a car bomb", "a suicide bomber", "a suicide vest", "a motorcycle packed with explosives", "a mortar shell", "rockets", "an explosives-laden truck", "a magnetic bomb", "a hand grenade", "an armed drone"]
KB_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
NUM_WORDS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def zipf_weights(n, s=1.0):
    return [1.0 / (r + 1) ** s for r in range(n)]


def cum(weights):
    out, t = [], 0.0
    for w in weights:
        t += w
        out.append(t)
    return out


class World:
    """The recurring actors. Built from a fixed seed so that every corpus,
    whatever its seed, talks about the same people."""

    ERAS = ((2015, 2018), (2019, 2021), (2022, 2025))
    ROLES = ["head", "interior", "defence", "foreign", "army_spox", "police_spox"]

    def __init__(self):
        r = random.Random(1729)
        used = set()

        def person(culture):
            first, last = NAMES[culture]
            while True:
                n = r.choice(first) + " " + r.choice(last)
                if n not in used:
                    used.add(n)
                    return n

        self.regions = []
        for reg in REGIONS:
            name, demonym, capital, places, groups, culture, head, army, police = reg
            pairs = [p.split("/") for p in places.split("; ")]
            cities = [c for c, _ in pairs]
            city_prov = {c: p for c, p in pairs}
            provs = sorted(set(city_prov.values()))
            officials = {role: [person(culture) for _ in self.ERAS] for role in self.ROLES}
            governors = {p: person(culture) for p in provs}
            self.regions.append(dict(
                country=name, demonym=demonym, capital=capital, cities=cities, provs=provs,
                city_prov=city_prov, groups=groups, culture=culture, head=head, army=army,
                police=police, officials=officials, governors=governors,
                envoy=person("western"),
            ))
        self.region_cum = cum(zipf_weights(len(self.regions), 0.9))
        self.group_people = {}
        for key, g in GROUPS.items():
            culture = "arabic"
            for reg in self.regions:
                if key in reg["groups"]:
                    culture = reg["culture"]
                    break
            self.group_people[key] = (person(culture), person(culture))  # spokesman, leader
        self.orgs = [(o, who, person(c)) for o, who, c in INTL_ORGS]
        self.org_cum = cum(zipf_weights(len(self.orgs), 1.0))
        self.analysts = [(person(r.choice(["western", "western", "arabic", "east_africa", "spanish", "indian"])), r.choice(THINK_TANKS)) for _ in range(60)]
        self.analyst_cum = cum(zipf_weights(len(self.analysts), 1.0))
        self.n_people = len(used)


def pick_cum(cumw, rnd):
    x = rnd() * cumw[-1]
    lo, hi = 0, len(cumw) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cumw[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


# ---------------------------------------------------------------------------
# Sentences. Slots are filled from the article's context (see `context`).
# {g*} is the main group, {h*} a second one; {when} the event's date phrase,
# {ago} a date phrase before it.

TITLES = {
    "attack": C("{gshort} [claims|says it carried out] [attack|assault] on {target_short} in {city}",
                "[Gunmen|Militants] kill {killed} {victims} in {prov}",
                "{killed} {victims} killed in [attack|ambush|raid] [near|in] {city}",
                "[Attack|Ambush] on {target_short} [leaves|kills] {killed} dead in {country}",
                "{country}: {killed} dead after {gmembers} [storm|raid|attack] {target_short}"),
    "bombing": C("[Blast|Bombing|Explosion] [kills|leaves] {killed} [dead|people dead] in {city}",
                 "{gshort} claims [suicide bombing|bomb attack|blast] [in|near] {city}",
                 "[Suicide bomber|Car bomb|Roadside bomb] kills {killed} in {prov}",
                 "{killed} dead as [bomb|blast] hits {target_short} in {city}"),
    "airstrike": C("[Air strikes|Drone strikes|Airstrikes] [kill|hit] [{killed} in|targets in] {city}",
                   "[Drone|Air] strike on {city} kills {killed}, officials say",
                   "{army_cap} says [strikes|raids] killed {killed} {gmembers} in {prov}"),
    "clash": C("[Clashes|Fighting|Heavy fighting] between {army} and {gshort} [kill|leave] {killed} [dead|in {prov}]",
               "{killed} killed as fighting [rages|flares|spreads] [near|around] {city}",
               "[Fighting|Clashes] [erupt|resume] in {prov} as {gshort} [advances|pushes on {city}]"),
    "kidnap": C("[Gunmen|Militants|Armed men] [abduct|seize|kidnap] {killed} {kvictims} in {prov}",
                "{kvictims_cap} [kidnapped|abducted] [near|in] {city}",
                "{gshort} [blamed for|suspected in] [abduction|kidnapping] of {killed} in {country}"),
    "arrest": C("{police_cap} arrest {arrested} [suspects|people] over {city} [attack|bombing|plot]",
                "{country} [detains|arrests] {arrested} [alleged|suspected] {gshort} members",
                "[Security forces|Police] [foil|disrupt] [plot|attack plan] in {city}, {arrested} held"),
    "protest": C("[Thousands|Hundreds] protest [in|across] {capital} over {cause}",
                 "{police_cap} fire tear gas at protesters in {city}",
                 "[Protests|Demonstrations] over {cause} [spread across|turn deadly in|grip] {country}"),
    "talks": C("{country} and {gshort} [hold|open|resume] talks in {venue}",
               "[Peace talks|Negotiations|Talks] [stall|resume|open] in {venue}",
               "{mediator} to host talks between {country} and {gshort}"),
    "agreement": C("{country} and {gshort} sign [deal|agreement|accord] in {venue}",
                   "[Deal|Agreement] reached on {deal_subject} in {country}",
                   "{country} [signs|agrees] {deal_subject} deal brokered by {mediator}"),
    "ceasefire": C("[Ceasefire|Truce] [takes effect|announced|agreed] in {prov}",
                   "{gshort} [announces|declares|rejects] [ceasefire|truce] [in|across] {country}",
                   "[Truce|Ceasefire] [violated|tested|holds] as [clashes|shelling] [hit|reported near] {city}"),
    "threat": C("{gshort} [threatens|warns of] [attacks|new attacks|retaliation] [in|against] {country}",
                "{country} [on alert|raises alert] after {gshort} [threat|warning]",
                "{gshort} [vows|pledges] to [target|strike] {threat_target}"),
    "sanctions": C("{sanctioner_cap} [sanctions|imposes sanctions on] {gshort} [leaders|financiers|commanders]",
                   "[New|Fresh] sanctions [target|hit] {gshort} [network|financiers|leaders]",
                   "{sanctioner_cap} [blacklists|designates] {sanctioned}"),
    "visit": C("{visitor_title} {visitor} [visits|arrives in|travels to] {capital}",
               "{visitor} [meets|holds talks with] {head_title} {head} in {capital}",
               "{visitor_country} [pledges|promises|offers] [support|aid|help] to {country} during {visitor} visit"),
    "court": C("[Court|Judge] [sentences|jails|convicts] {arrested} over {city} [attack|bombing]",
               "{gshort} [suspects|members] [go on trial|sentenced|acquitted] in {capital}",
               "{country} court [hands down|issues] [death sentences|prison terms|life sentences] [over|for] {year_past} attack"),
    "displacement": C("[Thousands|Tens of thousands] [flee|displaced by|escape] [fighting|violence|attacks] in {prov}",
                      "[Aid agencies|UN] warn of [hunger|crisis|catastrophe] in {prov}",
                      "{disp_k} [flee|displaced] as {gshort} [advances|attacks spread] in {country}"),
}

LEADS = {
    "attack": C(
        "{gmembers_cap} [attacked|stormed|raided|opened fire on] {target} [in|near|on the outskirts of] {city} {when}, killing [at least |]{killed} {victims} and wounding {wounded} [others|more|people], {acc_local}.",
        "[At least |]{killed} {victims} were killed {when} when {gmembers} [ambushed|attacked] {target} in {prov}, {acc_local}.",
        "{g_intro} [claimed responsibility|said it was behind|took responsibility] {when} [for|of] an attack on {target} in {city} that [killed|left dead] {killed} {victims}.",
        "[Armed men|Gunmen|Assailants] [on motorbikes|in pick-up trucks|on foot|in several vehicles] [attacked|raided|stormed] {target} {when} [in|near] {city}, killing {killed} {victims}, {acc_official}.",
        "{killed_cap} {victims} [died|were killed] and {wounded} [were wounded|were injured] {when} in [an attack|a raid|an ambush] on {target} in {prov}, {acc_official}.",
    ),
    "bombing": C(
        "[A|An apparent] {weapon} [exploded|went off|detonated] [at|near|outside] {target} in {city} {when}, killing [at least |]{killed} people and wounding {wounded}, {acc_official}.",
        "{g_intro} claimed responsibility {when} for a [suicide bombing|bomb attack|blast] [at|near] {target} in {city} that killed {killed} {victims}.",
        "[At least |]{killed} people were killed {when} when {weapon} [struck|hit|ripped through] {target} [in|on the edge of] {city}, {acc_local}.",
        "[An explosion|A blast|A bomb] [tore through|hit|struck] {target} in {prov} {when}, [killing|claiming the lives of] {killed} {victims}, {acc_official}.",
    ),
    "airstrike": C(
        "[Air strikes|Drone strikes|Airstrikes] [hit|struck|targeted] [{city}|positions near {city}|villages around {city}] {when}, killing {killed} people, {acc_local}.",
        "{army_cap} said {when} it had killed {killed} {gmembers} in [air strikes|drone strikes|an air raid] [in|across] {prov}.",
        "[A drone|An aircraft|A warplane] [struck|hit|bombed] {target} in {city} {when}, [killing|claiming the lives of] {killed} people [including|among them] {wounded_small} children, {acc_local}.",
    ),
    "clash": C(
        "[Heavy fighting|Clashes|Fierce clashes] [broke out|erupted|raged] {when} between {army} and {g_intro} [near|around|on the outskirts of] {city}, [leaving|with] {killed} [dead|people dead], {acc_local}.",
        "{g_intro} [said|claimed] {when} it had [captured|seized|taken control of] [several villages|a military base|an army post|a key road] near {city} after [days of fighting|heavy clashes|a dawn assault].",
        "[At least |]{killed} [fighters|combatants|people] were killed {when} in [clashes|fighting|battles] between {gmembers} and {army} in {prov}, {acc_official}.",
    ),
    "kidnap": C(
        "[Gunmen|Armed men|Suspected {gmembers}] [abducted|kidnapped|seized] {killed} {kvictims} [from|near|on a road outside] {city} {when}, {acc_local}.",
        "{killed_cap} {kvictims} were [abducted|kidnapped|taken] {when} when [gunmen|{gmembers}|armed men] [stopped|attacked|raided] [their bus|a village|their convoy|a school] in {prov}, {acc_official}.",
    ),
    "arrest": C(
        "{police_cap} [arrested|detained|have arrested] {arrested} [people|suspects|men] {when} [in connection with|over|after] [the attack|a bombing|an alleged plot] in {city}, {acc_official}.",
        "[Security forces|Counter-terrorism police|Intelligence officers] [in {country}|in {prov}|] [arrested|detained] {arrested} suspected members of {g_intro} {when} and [seized|found|recovered] [weapons|explosives|suicide vests|ammunition and explosives].",
        "{country} said {when} it had [foiled|thwarted|disrupted] [a plot|an attack|a plan] by {g_intro} to [attack|target|bomb] {target} in {city} and [arrested|detained] {arrested} [people|suspects].",
    ),
    "protest": C(
        "[Thousands|Several thousand|Hundreds] of [protesters|demonstrators|people] [marched|rallied|took to the streets] in {city} {when} [over|against|to protest] {cause}, [and police fired tear gas|as police looked on|defying a ban on gatherings].",
        "{police_cap} [fired tear gas|used water cannon|fired live rounds] {when} [at|to disperse] [protesters|demonstrators|crowds] in {city} who were [protesting|demonstrating] [over|against] {cause}, {acc_local}.",
        "[Protests|Demonstrations] over {cause} [spread|continued|turned violent] {when} in {country}, with [crowds|protesters|youths] [blocking roads|burning tyres|marching on government offices] in {city} and {city2}.",
    ),
    "talks": C(
        "[Representatives|Delegations|Negotiators] of [the {demonym} government|{country}] and {g_intro} [met|held talks|sat down] in {venue} {when}, [the first such meeting|their first direct talks|the latest round of talks] [in months|since {year_past}|this year], {acc_official}.",
        "{mediator} [hosted|brokered|convened] talks {when} between {country} and {g_intro} in {venue} [aimed at|on|to discuss] {deal_subject}.",
        "{head_title} {head} said {when} that [his|the] government was [ready|prepared|willing] to [hold talks|negotiate|open a dialogue] with {g_intro} [if|provided that|as long as] {condition}.",
    ),
    "agreement": C(
        "{country} and {g_intro} [signed|agreed|reached] [an agreement|a deal|an accord] on {deal_subject} in {venue} {when}, {acc_official}.",
        "[Negotiators|Mediators|Officials] [announced|said] {when} that {country} and {g_intro} had [reached|agreed on|signed] a [deal|framework agreement|preliminary deal] on {deal_subject} [after talks in {venue}|brokered by {mediator}].",
    ),
    "ceasefire": C(
        "{g_intro} [announced|declared|agreed to] a [ceasefire|truce|unilateral ceasefire] [in|across] {prov} {when}, [to last|for] {duration}, [in a statement|according to a statement] [on|published by] {gmedia}.",
        "A [ceasefire|truce] between {army} and {g_intro} [took effect|came into force|began] {when} [after talks in {venue}|under a deal brokered by {mediator}], {acc_official}.",
        "[Shelling|Clashes|Gunfire] [was reported|broke out|resumed] near {city} {when}, [hours|a day|days] after a [ceasefire|truce] between {army} and {g_intro} [took effect|was announced], {acc_local}.",
    ),
    "threat": C(
        "{g_intro} [threatened|warned] {when} to [attack|target|strike] {threat_target} [unless|if] {condition2}, in a [statement|video|message] [posted on|released through|shared by] {gmedia}.",
        "{country} [raised its security alert|put its forces on alert|tightened security] [in|around] {capital} {when} after {g_intro} [threatened|warned of|vowed] [new attacks|attacks|retaliation].",
    ),
    "sanctions": C(
        "{sanctioner_cap} [imposed sanctions|announced sanctions] {when} on {sanctioned_n} [people|individuals|entities] [it said were linked to|accused of financing|tied to] {g_intro}.",
        "{sanctioner_cap} {when} [designated|blacklisted|added] {sanctioned} [as a specially designated global terrorist|to its sanctions list|under its counter-terrorism sanctions] [for|over] [his role in|their links to|financing] {g_intro}.",
    ),
    "visit": C(
        "{visitor_title} {visitor} [arrived in|visited|travelled to] {capital} {when} [for talks with|to meet] {head_title} {head} on {visit_topic}.",
        "{head_title} {head} [met|held talks with|received] {visitor_title} {visitor} in {capital} {when}, and the two [discussed|agreed on|spoke about] {visit_topic}.",
    ),
    "court": C(
        "[A court|An anti-terrorism court|A military court|A criminal court] in {capital} [sentenced|convicted|jailed] {arrested} [men|people|defendants] {when} [over|for] [an attack|a bombing|a massacre] in {city} in {year_past} [claimed by|blamed on] {g_intro}.",
        "The trial of {arrested} [suspected members of|people accused of belonging to|alleged members of] {g_intro} [opened|began|resumed] {when} in {capital}, {acc_official}.",
        "[A judge|A court] in {capital} {when} [ordered the release of|acquitted|sentenced] {arrested} [people|suspects|defendants] [accused of|charged with|over] [links to|supporting|financing] {g_intro}.",
    ),
    "displacement": C(
        "[More than|At least|Nearly] {disp_n} people have [fled|been displaced from|left] their homes in {prov} since [fighting|attacks|violence] [escalated|intensified|broke out] {ago}, {acc_intl}.",
        "{orgname_cap} warned {when} that [hunger|food shortages|a cholera outbreak|disease] [threatened|was spreading among|put at risk] {disp_n} displaced people in {prov} after [months|weeks] of [fighting|attacks by {gmembers}].",
    ),
}

DETAILS = {
    "violent": C(
        "The [attackers|assailants|gunmen] [fled|escaped|withdrew] [on motorbikes|into the bush|towards the border|into nearby hills] [after|following] [a gunfight|a firefight|an exchange of fire] [lasting|of] [several hours|about an hour|nearly {hours} hours], {acc_local}.",
        "[Among the dead|The dead included|Those killed included] [{wounded_small} children|a local commander|a district chief|{wounded_small} women|two brothers|a police commander|a teacher and his son].",
        "[The wounded|Several of the wounded|The injured] were [taken|flown|rushed] to [hospitals|a hospital|the main hospital] in {city2}, [where|and] [doctors said|officials said] [{wounded_small} were in critical condition|some were in serious condition|the toll could rise].",
        "[Photographs|Videos|Images] [shared|posted|circulated] on social media [showed|appeared to show] [burning vehicles|bodies on the ground|a crater in the road|smoke rising over the {target_kind}|damaged buildings].",
        "[Security forces|Troops|Police] [sealed off|cordoned off|closed] the area [and|while they] [launched|began|started] [a search operation|a hunt for the attackers|clearance operations].",
        "{local_name}, [a resident|a shopkeeper|a local elder|a farmer|a teacher|a driver] in {city}, said {pron} [heard|saw] [gunfire|explosions|two blasts|heavy shooting] [for about|lasting] {hours} hours [before|until] [troops arrived|the attackers left|dawn|the shooting stopped].",
        "\"{witness_quote},\" said {local_name}, [who|a resident who] [lives|works|runs a shop] [near|close to] the {target_kind}.",
        "It was [the deadliest|the second deadliest|one of the deadliest|the worst] [attack|incident|assault] in {prov} [since {year_past}|this year|in months|since the start of the year].",
        "[The|This] {target_kind} had been [attacked|targeted|hit] [before|twice before|several times] [in recent months|since {year_past}|last year], {acc_local}.",
        "[Officials|Authorities|The local government] [declared|announced] [{hours} days of mourning|a curfew in {city}|the closure of schools in the area|a ban on motorbikes in {prov}] [after|following] the [attack|violence].",
        "{gmembers_cap} [also|later] [set fire to|burned|looted] [houses|shops|vehicles|a health centre] [in the area|in nearby villages|before leaving], {acc_local}.",
        "[The death toll|The toll] [rose to|climbed to|reached] {killed2} [by evening|on {day_after}|overnight] as [more bodies were found|{wounded_small} of the wounded died|rescuers searched the rubble], {acc_official}.",
        "[Witnesses|Residents|Survivors] said the [attackers|gunmen|assailants] [numbered about|were more than|came in a group of] {many} and [arrived|struck] [at dawn|around midnight|shortly after evening prayers|in the early hours|in the afternoon].",
        "[No group|Nobody|No one] [immediately claimed|has yet claimed|claimed] responsibility, [but|although] [suspicion fell on|officials blamed|officials suspected] {gshort2}, which [is active|operates|has fighters] in the area.",
        "{gshort2} said in a statement on {gmedia} that its {gmembers} had killed {killed2} [soldiers|members of the security forces|\"apostates\"|enemy fighters], a figure that could not be [independently verified|confirmed].",
    ),
    "arrest": C(
        "[Among those arrested|The suspects included|Those detained included] [a suspected commander|a man believed to be a bomb maker|{wounded_small} foreign nationals|a local recruiter|a financier of the group].",
        "[Police|Investigators|Officials] said the suspects [were planning|had planned|intended] to [attack|target|bomb] [{target}|security forces|a religious gathering|foreign visitors] in {city2} [during|ahead of|before] [the holidays|the elections|a national celebration|Friday prayers].",
        "[Officers|Investigators|Security forces] [seized|recovered|found] [weapons, ammunition and|{many} kilograms of explosives and|detonators and] [mobile phones|suicide vests|cash|forged documents] [during the raids|in a house in {city2}|at the scene].",
        "The [suspects|men|detainees] [were handed over to|will appear before|were taken to] [an anti-terrorism court|prosecutors|a military court] in {capital}, {acc_official}.",
        "[Rights groups|Lawyers|Relatives] [said|have said|complained] that [some of those detained|the suspects] [were held without charge|had no access to lawyers|were innocent|were tortured], [accusations|allegations|claims] the [authorities|police|government] [denied|reject|dismissed].",
    ),
    "protest": C(
        "[Protesters|Demonstrators|Crowds] [chanted|carried banners reading|shouted] \"{slogan}\" [as they marched|outside|near] [the presidential palace|parliament|the interior ministry|government offices] in {city}.",
        "[At least |]{wounded_small} [protesters|people] were [killed|wounded|injured] and [dozens|{many}] [arrested|detained], {acc_intl}.",
        "[The protests|The demonstrations] [began|started|erupted] {ago} [after|when] [the government|authorities] [announced|approved|ordered] {cause_event}.",
        "[Organisers|Opposition leaders|Student unions] [called for|announced|vowed to hold] [new protests|a general strike|a sit-in] [on {weekday2}|next week|until their demands are met].",
        "[Shops|Schools|Banks|Markets] [stayed closed|remained shut|were closed] in [parts of|central] {city} and [internet access|mobile internet|social media] [was restricted|was cut|was disrupted], {acc_local}.",
        "\"{protest_quote},\" said {local_name}, [a student|a trader|a teacher|an unemployed graduate|a mother of three] [who joined the march|at the rally|among the protesters].",
    ),
    "talks": C(
        "[The talks|The negotiations|The meeting] [focused on|covered|were expected to cover] {deal_subject} and {deal_subject2}, [according to|said] [a person familiar with the talks|two people briefed on the meeting|a diplomat in {venue}].",
        "[Previous rounds|Earlier talks|A previous round of negotiations] [collapsed|broke down|ended without agreement] {ago} [over|amid disputes over|after disagreements about] {deal_subject2}.",
        "{mediator} [has mediated|has hosted|has facilitated] [several rounds of|previous|earlier] [talks|negotiations] between the two sides [since {year_past}|in recent years|over the past year].",
        "[Neither side|The two sides|The delegations] [gave details|released details|commented publicly] [of|on] [the talks|their positions|the proposals] [after the meeting|on {day_after}|so far].",
        "[Diplomats|Observers|Analysts] [said|cautioned|warned] that [a deal|an agreement|progress] [remained|was still] [distant|far off|uncertain] [because|as] {obstacle}.",
    ),
    "agreement": C(
        "[Under the deal|Under the agreement|The accord provides that|According to the text], {deal_term}.",
        "[The deal|The agreement|The accord] [also|further] [provides for|includes|calls for] {deal_term2}, [according to|said] [a copy seen by {agency}|officials|the mediators].",
        "[Previous agreements|Earlier deals|A similar deal signed in {year_past}] [collapsed|failed|fell apart] [within weeks|after months|amid mutual accusations], and [analysts|diplomats|residents] [said|warned] [this one|the new deal] [would|could] [face the same test|be hard to enforce|depend on {mediator}].",
        "[Implementation|The first phase|The exchange] [is due to|should|will] [begin|start|take place] [within {hours} days|next month|on {weekday2}|by the end of the month].",
    ),
    "ceasefire": C(
        "[Both sides|Each side|The two sides] [accused each other of|blamed the other for] [violating the truce|breaking the ceasefire|the shelling] [within hours|the same day|overnight].",
        "[The truce|The ceasefire] [is meant to|was agreed to|should] [allow|let|enable] [aid to reach|civilians to leave|the wounded to be evacuated from] {city2}, {acc_intl}.",
        "[Earlier|Previous] [ceasefires|truces] [in {prov}|in {country}|between the two sides] [collapsed|broke down|failed] [within days|after weeks|{ago}].",
        "{orgname_cap} [welcomed|called for respect of|urged both sides to observe] the [truce|ceasefire] and [called for|urged] {deal_subject2}.",
    ),
    "threat": C(
        "[The statement|The video|The message] [named|listed|mentioned] {threat_target} [as targets|among its targets|as legitimate targets] and [urged|warned|called on] [civilians|Muslims|residents|foreigners] to [stay away from|avoid|leave] [them|military sites|government offices].",
        "[Authorities|Officials|Police] [increased|stepped up|reinforced] [security|patrols|checkpoints] [around|at|near] [government buildings|embassies|airports and border crossings|places of worship] [in {capital}|in {capital} and other cities|across {country}].",
        "[Security analysts|Officials|Diplomats] said the threat [should be taken seriously|was credible|could not be ignored], [noting that|since|because] {gshort} [had carried out|claimed|was blamed for] [an attack|a bombing|a raid] in {city2} {ago}.",
    ),
    "sanctions": C(
        "[The measures|The sanctions|The designations] [freeze|block] any [assets|property] [the individuals|those named|they] [hold|have] [under|within] [its jurisdiction|the bloc|US jurisdiction] and [bar|prohibit] [transactions|dealings] with them.",
        "[Among those|Those] [sanctioned|designated|named] [were|was|is] {sanctioned}, [whom|who] [officials|the statement|the Treasury] [accused of|described as] [moving money for|procuring weapons for|a senior commander of|a key financier of] {gshort}.",
        "{gshort} [did not comment|dismissed the sanctions|called the sanctions meaningless] [in a statement on {gmedia}|when asked|on {day_after}].",
        "[The move|The decision] [follows|comes after|came after] [similar measures by|sanctions imposed by|designations by] {sanctioner2} {ago}.",
    ),
    "visit": C(
        "[The two|They|The leaders] [discussed|talked about|spoke about] {visit_topic2} and {visit_topic3}, [according to|said] [a statement from the presidency|the foreign ministry|officials].",
        "{visitor} [also|later] [met|visited|travelled to] [{city2}|the interior minister|displaced families in {city2}|troops in {prov}] [before leaving|on {day_after}|during the trip].",
        "[It was|The trip was] [the first visit|the first trip|the highest-level visit] [by|of] [a|an] {visitor_country_adj} [minister|official|leader] to {country} [since {year_past}|in years|since the conflict began].",
        "{visitor_country} [pledged|announced|promised] [{money}|new aid|military equipment|training for the security forces] [to help|for|to support] [fight {gshort}|displaced people|the security forces|the police].",
    ),
    "court": C(
        "[Prosecutors|The prosecution|The state] [said|argued|told the court] [the defendants|the men|they] had [planned|carried out|helped to organise] the [attack|bombing|raid] on {target} in {city} that killed {killed2} people.",
        "[The defendants|The men|Lawyers for the accused] [denied|rejected] the charges and [said|argued] [their confessions|the statements|the evidence] [had been obtained under duress|were fabricated|was flawed], and [planned|vowed|said they would] to appeal.",
        "[The court|The judge|The tribunal] [also|further] [sentenced|handed] {wounded_small} [others|co-defendants] [to|prison terms of] {hours} years [in prison|for membership of a terrorist group|for financing the group].",
        "[Relatives of the victims|Families of those killed|Survivors] [welcomed|criticised|wept at] the [verdict|ruling|sentences] [outside the court|in {capital}|on {day_after}].",
    ),
    "displacement": C(
        "[Many|Most|Thousands] of the displaced [are sheltering|are living|have found refuge] in [schools|mosques|churches|makeshift camps|host communities] in {city2}, {acc_intl}.",
        "[Aid workers|Humanitarian officials|Officials] said [access|deliveries|convoys] to {prov} had been [cut off|blocked|disrupted] [by fighting|by {gmembers}|by damaged roads] [since|for] [{ago}|weeks].",
        "{orgname_cap} [said|appealed for|warned that it needed] {money} [to help|for] [displaced families|those who fled|the response] in {prov}, [adding|and added] that [its appeal was|funding was|the plan was] [only|less than] {pct} percent funded.",
    ),
}

QUOTES_GOV = C(
    "\"{gov_quote},\" {interior_title} {interior} said [in a statement|on X|in a televised address|at a news conference|after visiting the scene].",
    "\"{gov_quote},\" said {army_spox}, [a spokesman for|the spokesman of] {army}.",
    "{head_title} {head} [condemned|denounced] the [attack|violence|killings] [and ordered an investigation|and vowed to hunt down those responsible|in a statement|as \"cowardly\"].",
    "{interior_title} {interior} [told reporters|said|told parliament] [in {capital}|on {day_after}|] that {gov_paraphrase}.",
    "[In a statement|In a post on X|Speaking to reporters], {police_spox}, [a spokesman for|the spokesperson of] {police}, said {gov_paraphrase}.",
    "{defence_title} {defence} [said|told state media|promised] that {gov_paraphrase2}.",
    "[According to|Citing] {army_spox}, [a military spokesman|the army spokesman], {army} [had|has] {army_claim}.",
)
QUOTES_GROUP = C(
    "\"{group_quote},\" {gspox}, [a spokesman for|the spokesman of] {gshort}, said in [a statement|a message|an audio message] [posted on|shared on|released through] {gmedia}.",
    "{gshort} spokesman {gspox} [said|wrote|told journalists] [in a statement|on {gmedia}|in a message to journalists] that {group_paraphrase}.",
    "In a statement [on|released through] {gmedia}, {gshort} said {group_paraphrase}.",
    "{gleader}, [the leader of|a senior commander of|the head of] {gshort}, [said in a video|warned in an audio message|said in a recorded speech] that {group_paraphrase}.",
)
QUOTES_INTL = C(
    "\"{intl_quote},\" {orgwho} said in a statement.",
    "{orgname_cap} [condemned|deplored|denounced] the [attack|violence|killings] and [called for|urged] {intl_demand}.",
    "{orgperson}, [a spokesperson for|a senior official at|who speaks for] {orgname}, said {intl_paraphrase}.",
    "{envoy}, the UN special envoy for {country}, [said|told the Security Council|warned] that {intl_paraphrase}.",
    "[The government of|The foreign ministry of|The government in] neighbouring {neighbour} [condemned|expressed concern about] the [attack|violence|situation] and [offered|pledged|expressed] [its support|condolences to the families of the victims|solidarity with {country}].",
)
QUOTES_ANALYST = C(
    "\"{analyst_quote},\" said {analyst}, [a researcher|an analyst|a senior fellow|who studies the region] at {think_tank}.",
    "{analyst}, [an analyst|a researcher|a security expert] at {think_tank}, said {analyst_paraphrase}.",
    "[Analysts|Security experts|Observers] say {analyst_paraphrase}.",
    "[According to|In the view of analysts at|According to a report by] {think_tank}, {analyst_paraphrase}.",
)
BACKGROUND = C(
    "{gshort}, [which|a group that] [emerged|was founded|was formed|took up arms] in {gfounded}, has [carried out|claimed] [hundreds of|scores of|dozens of|numerous] attacks [in {country}|across {prov}|on {army}|on civilians and soldiers] [since then|over the years|in recent years].",
    "{gshort} [is|has been] [designated a terrorist organisation|listed as a terrorist group|banned] by [the United States|the United Nations|{country}|the European Union] [and|as well as] [several other countries|{sanctioner2}].",
    "{gshort} [has stepped up|has intensified|has expanded] [its attacks|its operations|its campaign] [in {prov}|in {country}|on {army}] {since}, [exploiting|taking advantage of|amid] {weakness}.",
    "{country} has [struggled|battled|fought] [for years|since {gfounded}|for more than a decade] [against|to contain] [an insurgency|violence|attacks] by {gshort} [and other groups|and its rivals|in {prov}|].",
    "{gshort} [is a rival of|is allied with|has fought|competes with] {hshort}, [which|a group that] [is also active|operates|has a presence] in [{prov}|the area|neighbouring districts].",
    "[The violence|The conflict|The insurgency] has [killed|claimed the lives of] [thousands of people|more than {big} people|tens of thousands of people] and [displaced|forced from their homes] [{disp_n} people|millions|hundreds of thousands] [since {gfounded}|in {country}|across the region], {acc_intl}.",
    "{prov}, [which borders|which lies near|on the border with] {neighbour}, has [long been|become] [a stronghold of|a hotspot for|the main battleground against] {gshort}.",
    "{head_title} {head}, who [took office|came to power|was elected] in {head_year}, [has promised|vowed|pledged] to [defeat|crush|end] the [insurgency|violence|armed groups] [by {target_year}|within a year|through dialogue].",
    "[Relations between|Ties between] {country} and {neighbour} [have been strained|have deteriorated|have been tense] [since {year_past}|in recent months|] [over|amid] [accusations that|claims that|complaints that] {neighbour} [shelters|tolerates|backs] {gshort} [fighters|leaders|militants].",
)
CONTEXT_ANY = C(
    "[More than|At least|Nearly|About] {big} people [have been killed|have died] in [attacks|violence|fighting] in {country} [so far this year|since January|in the past twelve months|since {ago_year}], according to {monitor}.",
    "{this_event} [came|followed] [days|a week|two weeks|hours|a month] after {recap_inline}.",
    "{monitor_cap} [recorded|counted|documented] {many2} [attacks|incidents|violent events] [in {prov}|in {country}] [in {month_past}|last year|in the first half of the year], [up from|compared with|down from] {many3} [a year earlier|in the same period last year].",
)
CONTEXT_FIELD = C(
    "[The area|The district|{city}] [lies|is located] about {km} km ({mi} miles) [north|south|east|west|northeast|southwest] of {capital}.",
    "[Security|The security situation] in {prov} has [deteriorated|worsened|improved slightly] [since|after] {change_event}, [residents|officials|analysts] say.",
    "[Phone networks|Mobile networks|Roads] [in the area|around {city}|in much of {prov}] [have been|are often|were] [cut|down|closed] [for weeks|{since}|by the fighting], [making|which makes] it [difficult|hard] to [verify|confirm|obtain] [information|casualty figures|accounts from the area].",
)
RECAPS = C(
    "{ago_cap}, [at least |]{n_r} people were killed [when|after] {hgmembers} [attacked|raided|ambushed] {target} [in|near] {rcity}.",
    "{ago_cap}, {hg_any} [claimed|said it carried out] [an attack|a bombing|a raid] on {target} in {rcity} that [killed|wounded] {n_r} {victims}.",
    "[A bomb|A blast|An explosion] [at|near] {target} in {rcity} [killed|wounded] {n_r} people {ago}, {acc_local}.",
    "{ago_cap}, {police} [arrested|detained] {n_r} [suspected|alleged] members of {hg_any} in {rcity}.",
    "{ago_cap}, [hundreds|thousands] of people [protested|marched|rallied] in {rcity} [against|over] {cause}.",
    "{army_cap} [said|claimed] {ago} that it had killed {n_r} {hgmembers} in [an operation|air strikes|raids] [near|around] {rcity}.",
    "[Talks|Negotiations] between {country} and {hg_any} [in|hosted by] {venue2} [broke down|stalled|made progress] {ago}.",
    "{ago_cap}, {n_r} [aid workers|teachers|health workers|road workers|election officials] were [abducted|kidnapped|killed] [near|outside] {rcity}, {acc_local}.",
    "{hg_any} [killed|executed|beheaded] {n_r} [villagers|civilians|men] it accused of [spying|collaborating with the army|working for the government] in {rcity} {ago}.",
)

RECAP_INLINE = C(
    "[a bomb|a blast|an explosion] [at|near] {target} in {rcity} [killed|wounded] {n_r} people",
    "{hgmembers} [attacked|raided|ambushed] {target} [in|near] {rcity}, [killing|wounding] {n_r} {victims}",
    "[hundreds|thousands] of people [protested|marched] in {rcity} [against|over] {cause}",
    "{hg_any} [said|warned] it would [step up|expand|intensify] [attacks|operations] [in {prov}|across {country}]",
    "{police} [arrested|detained] {n_r} [suspected|alleged] members of {hg_any} in {rcity}",
)
THIS_EVENT = {
    "violent": ["The attack", "The incident", "The violence", "The assault"],
    "protest": ["The protest", "The unrest", "The demonstration"],
    "arrest": ["The arrests", "The raids", "The operation"],
    "court": ["The verdict", "The ruling", "The trial"],
    "other": ["The announcement", "The move", "It", "The development"],
}

PROTEST_GOV = C(
    "{interior_title} {interior} [accused|blamed] [the opposition|foreign-funded groups|\"troublemakers\"|criminal elements] of [stirring up|exploiting|hijacking] the [protests|unrest|demonstrations] and [warned|said] that [violence|looting|attacks on police] would [not be tolerated|be punished].",
    "\"[We|The government] [hear|understand|respect] [the concerns of|the anger of|the demands of] [young people|citizens|the protesters], [but|and] [violence|vandalism|blocking roads] is not the answer,\" {head_title} {head} said [in a televised address|on state television|in a speech in {capital}].",
    "{police_spox}, [a spokesman for|the spokesperson of] {police}, said {n_officers} officers had been [injured|hurt|wounded] and accused [protesters|some demonstrators|rioters] of [throwing stones|attacking police stations|setting fire to vehicles].",
)
PROTEST_INTL = C(
    "{orgname_cap} [urged|called on] the [authorities|security forces|government] to [respect the right to peaceful protest|show restraint|release those detained] and [to investigate|to account for|to stop] [the use of live ammunition|the deaths|the arrests].",
    "[Rights groups|Amnesty International|Human Rights Watch|Local rights groups] said [{n_officers} people|dozens of people|several journalists] had been [detained|arrested|held] [since the protests began|{since}|in overnight raids].",
    "[The United States|The European Union|The African Union|The UN human rights office] [said it was|was] [concerned|following the situation closely|alarmed] and [called for|urged] [dialogue|calm|restraint] [between the government and the opposition|from all sides].",
)
PROTEST_BACKGROUND = C(
    "{country} [has been|was] [gripped|shaken|hit] by [economic crisis|soaring inflation|political turmoil|repeated strikes] [{since}|for months|in recent years], and [inflation|unemployment|the price of bread] [has|have] [risen sharply|soared|more than doubled].",
    "[The opposition|Opposition parties|Critics of the government] [accuse|have accused] {head_title} {head} of [clinging to power|rigging elections|silencing critics|mismanaging the economy], [a charge|accusations] [he denies|the government rejects].",
    "[Elections|A presidential election|Parliamentary elections] [are due|were due|had been scheduled] [in {target_year}|next year|later this year], [but|and] [the opposition|critics|analysts] [fear|say] {protest_fear}.",
    "[Earlier|Previous] [protests|waves of protests|demonstrations] in {year_past} [ended|were put down|subsided] [after|when] [the government made concessions|security forces cracked down|dozens were killed|the army stepped in].",
    "[The security situation|Violence by {gshort}] [in {prov}|in the north|in rural areas] has [added to|deepened|fuelled] [public anger|frustration|discontent] with the [government|authorities] [in {capital}|{since}].",
)
GOV_POL = C(
    "{foreign_title} {foreign} said [the government|{country}] was [committed to|ready for|open to] {deal_subject} [but|and] would [not accept|reject|oppose] {bad_term}.",
    "\"{pol_quote},\" {foreign_title} {foreign} [told reporters|said|wrote on X] [in {capital}|after the meeting|on {day_after}].",
    "{head_title} {head} [said|told parliament|said in a televised address] that {pol_paraphrase}.",
    "[A government spokesman|The presidency|The foreign ministry] [said|said in a statement] that {pol_paraphrase}.",
)
GROUP_POL = C(
    "{gshort} spokesman {gspox} said [in a statement on {gmedia}|in a message to journalists|on {gmedia}] that the group was [ready|prepared|willing] to [continue talks|observe the truce|negotiate] [if|as long as|provided that] {condition2}.",
    "\"{group_pol_quote},\" {gspox}, [a spokesman for|the spokesman of] {gshort}, said [in a statement|in an audio message|in a post on {gmedia}].",
    "{gleader}, [the leader of|a senior commander of|the head of] {gshort}, [accused|blamed] [the government|{army}] of [stalling|violating earlier agreements|bad faith] and [warned|said] that {group_paraphrase}.",
)
INTL_POL = C(
    "{orgname_cap} [welcomed|praised|cautiously welcomed] the [talks|agreement|announcement|step] and [urged|called on] [both sides|the parties|all parties] to {intl_pol_demand}.",
    "{envoy}, the UN special envoy for {country}, [said|told the Security Council|told reporters in {venue}] that {intl_pol_para}.",
    "\"{intl_pol_quote},\" {orgperson}, [a spokesperson for|a senior official at] {orgname}, said [in a statement|in Geneva|in New York].",
)
INTL_LEGAL = C(
    "{orgname_cap} [urged|called on] the [authorities|courts|government] to [guarantee a fair trial|respect due process|give the detainees access to lawyers] and to [avoid|refrain from] [collective punishment|the death penalty|arbitrary detention].",
    "[Rights groups|Lawyers|Human Rights Watch] [said|have said] that [counter-terrorism laws|the emergency measures|the anti-terrorism courts] in {country} [were being used|had been used] [to silence critics|against journalists|to detain people without charge].",
    "{envoy}, the UN special envoy for {country}, said {intl_paraphrase}.",
)
ANALYST_POL = C(
    "\"{analyst_pol_quote},\" said {analyst}, [a researcher|an analyst|a senior fellow] at {think_tank}.",
    "{analyst}, [an analyst|a researcher] at {think_tank}, said {analyst_paraphrase}.",
    "[Analysts|Diplomats|Observers] [say|said|cautioned] [any deal|the talks|the process] would [depend on|be tested by|hinge on] {deal_subject2} [and on|as well as] [whether {gshort} can control its commanders|pressure from {mediator}|the army's support].",
)
GOV_HUMAN = C(
    "{interior_title} {interior} said the government had [sent|delivered|promised] [food|tents and blankets|medicine] to [displaced families|those who fled|camps] in {city2} and [would|planned to] [return them home|rebuild|reopen schools] [as soon as|once] [the area was secure|the fighting stopped].",
    "[A government spokesman|The disaster management agency|Officials in {prov}] said {disp_n} people had [registered|been counted|arrived] in [camps|host communities|the city] [{since}|in the past month|this week].",
)
POL_QUOTE = C(
    "[We|The government] [want|seek|are working for] [a lasting peace|an end to the violence|a just settlement] [but|and] [we|it] will [not|never] [negotiate|compromise] on [the unity of {country}|our sovereignty|the constitution]",
    "[This|Today] is [an important|a first|a historic|a necessary] step [towards|for] {deal_subject} and [we|the government] [thank|are grateful to] {mediator}",
    "[The door to dialogue|Our hand] [remains|is] [open|extended] [but|as long as] [the violence|attacks on civilians|the killing] [must stop|stops]",
)
POL_PARA = C(
    "[a deal|an agreement|the talks] [would|could] [bring|lead to] {deal_subject} [within weeks|by the end of the year|soon]",
    "[{country}|the government] [would|will] [keep|maintain] [its forces|military pressure|the state of emergency] in {prov} [until|while] [the talks|the truce|the process] [produced results|held|continued]",
    "[the government|it] had [agreed to|accepted|proposed] {deal_subject} [as a first step|in principle|during the talks]",
)
GROUP_POL_QUOTE = C(
    "[We|Our movement] [came|went] to {venue} [in good faith|to end the bloodshed|for our people] [but|and] [the regime|the government|the other side] [must|has to] [show it is serious|stop its attacks|release our prisoners]",
    "[Any agreement|Any deal|Peace] [must|has to] [include|guarantee|begin with] {deal_subject}",
)
INTL_POL_DEMAND = C(
    "[implement|respect|build on] [the deal|the agreement|the commitments made in {venue}] [in full|without delay|in good faith]",
    "[return to|stay at|keep] [the table|the negotiating table|talking] [until|so that] [a lasting deal|a ceasefire|{deal_subject}] [is reached|is agreed|follows]",
)
INTL_POL_PARA = C(
    "[the talks|the agreement|the truce] [offered|was|represented] [a rare chance|an opportunity|a first step] [to end|towards ending|to reduce] [the fighting|years of conflict|the violence] in {prov}",
    "{deal_subject} [remained|was still] [the main obstacle|the hardest issue|unresolved] [between the two sides|in the talks]",
)
INTL_POL_QUOTE = C(
    "[We stand|The United Nations stands|The organisation stands] ready to [support|help with|monitor] {deal_subject}",
    "[Civilians|The people of {country}] have [paid|suffered] [too high a price|enough|for too long] and [this chance|this opportunity|the agreement] must not be [wasted|lost]",
)
ANALYST_POL_QUOTE = C(
    "[Both sides|Each side] [needs|wants] [a deal|the talks|a pause] [for its own reasons|to regroup|to gain time], [but|and] [trust|confidence] [is|remains] [very low|almost non-existent|the main problem]",
    "[The real test|The hard part] [will be|is] {deal_subject2}, [which|and that] [has|already] [wrecked|derailed|sunk] [previous deals|earlier talks] [in {year_past}|before]",
)
BAD_TERMS = ["any division of the country", "the release of convicted killers", "a foreign military presence", "an amnesty for war crimes", "the group's demands on the constitution"]
# phrases for quote and paraphrase slots, assembled from parts
GOV_QUOTE = C(
    "[Those responsible|The perpetrators|The attackers|These criminals] will be [brought to justice|hunted down|held accountable|punished] [wherever they hide|without mercy|whatever it takes|very soon|]",
    "[This|Such a] [cowardly|barbaric|senseless|heinous] [attack|act|crime] will not [weaken|break|shake|deter] [our resolve|the state|the people of {country}|our forces]",
    "[Our forces|The security forces|Our soldiers|Our police] [responded|reacted|fought back] [bravely|quickly|immediately] and [repelled|pushed back|killed several of] the [attackers|terrorists|assailants]",
    "We [will not|shall not|cannot] [allow|let|permit] [terrorists|armed groups|these groups|criminals] to [dictate|decide|destroy] [the future of {country}|our future|the peace of our people]",
    "[The situation|Security] in {city} is [under control|calm again|being restored|improving] and [people|residents|traders] [can|should] [return to|go back to] [their homes|work|normal life]",
    "[We have|The government has] [sent|deployed|ordered] [reinforcements|additional troops|special forces|more police] to {prov} [to restore order|to protect civilians|to pursue the attackers]",
)
GOV_PARA = C(
    "[security forces|troops|police] had [killed|captured|arrested] {wounded_small} of the [attackers|assailants|gunmen] [and were pursuing the rest|in a follow-up operation|near {city2}]",
    "[an investigation|an inquiry] had been [opened|launched|ordered] [and that|and] [those responsible|the attackers|the organisers] would be [found|punished|prosecuted]",
    "the [attackers|bombers|gunmen] had [crossed|come] [from|over the border from] {neighbour} [and|where] {gshort} [has bases|had sheltered|trains its fighters]",
    "[the government|authorities] would [compensate|support|help] the families of the [victims|dead|wounded] and [rebuild|repair] [the damaged homes|the market|the {target_kind}]",
    "[security|checkpoints|patrols] would be [increased|reinforced|stepped up] [across|in] {prov} [ahead of|during|before] [the holidays|the elections|the coming weeks]",
)
GOV_PARA2 = C(
    "the army would [retake|secure|clear] [{city}|the area|the district] [within days|soon|in the coming weeks]",
    "[more than|at least] {many} [militants|fighters|insurgents] had been [killed|neutralised|captured] in [operations|raids|offensives] [in {prov}|this month|since {ago_month}]",
    "[the military|the government] [would not negotiate|had no plans to talk|would only talk] with {gshort} [until it laid down its arms|under pressure|while attacks continued]",
)
ARMY_CLAIM = C(
    "[killed|neutralised] {many} [militants|fighters|{gmembers}] [in the operation|in the fighting|since {weekday}]",
    "[regained control of|cleared|secured] [{city}|the area|the road to {city2}] [after|following] [heavy fighting|a night-long battle|a two-day operation]",
    "[destroyed|dismantled|seized] [a bomb-making workshop|weapons caches|training camps|{many} vehicles] [used by|belonging to] {gshort}",
)
GROUP_QUOTE = C(
    "[Our fighters|Our mujahideen|The brothers|Our men] will [continue to strike|keep attacking|keep targeting|go on striking] [the apostate army|the enemy|the occupiers|the regime and its allies|{army}] [until|as long as] [{group_goal}|they remain on our land|our demands are met]",
    "[This operation|This attack|The raid] was [revenge|retaliation|a response] for [the killing of our brothers|the air strikes on {city2}|the arrest of our members|the crimes of {army}]",
    "We [warn|advise|call on] [civilians|the people of {country}|Muslims|residents] to [stay away from|avoid] [military bases|government offices|army convoys|police stations]",
    "[The enemy|The army|The regime] [lost|suffered] [dozens of men|heavy losses|{many} soldiers] and [we seized|our fighters captured|we took] [weapons|vehicles|ammunition]",
)
GROUP_PARA = C(
    "its {gmembers} had [killed|captured|wounded] {many} [soldiers|members of the security forces|\"enemy\" fighters] and [seized|taken|destroyed] [weapons|vehicles|a base]",
    "the attack was [in retaliation|revenge] for [the killing of|air strikes on|the arrest of] [its commanders|its members|civilians] in {city2}",
    "it [would continue|would step up|planned to extend] [its campaign|attacks|operations] [until|unless] {group_goal}",
    "it had nothing to do with the [attack|bombing|killing] and [blamed|accused] [{army}|the government|a rival group|{hshort}]",
)
GROUP_GOALS = ["foreign forces leave", "Islamic law is enforced", "its prisoners are released", "the government falls", "the army withdraws from the region", "the military operation is halted", "its leaders are freed", "its territory is recognised"]
INTL_QUOTE = C(
    "[We are|The organisation is] [deeply|gravely] [concerned|alarmed|shocked] by [the attack|the violence|the killings|reports of civilian casualties] in {prov}",
    "[Civilians|Humanitarian workers|Children] must [never|not] be [targets|a target|attacked] and [all parties|the parties|both sides] must [respect|abide by] international humanitarian law",
    "[Those responsible|The perpetrators] must be [held to account|brought to justice|identified and prosecuted] [and|while] [the victims|survivors|families] [deserve|need] [justice|support|answers]",
    "[The humanitarian situation|Conditions|The crisis] in {prov} [is|has become|remains] [catastrophic|dire|alarming] and [we need|we call for|there must be] [unhindered access|urgent funding|a pause in fighting]",
)
INTL_PARA = C(
    "[the attack|the violence|the killings] [could amount to|may constitute|were] [war crimes|serious violations of international law|crimes against humanity]",
    "[humanitarian access|aid deliveries|the delivery of food] to {prov} [remained|was] [severely restricted|blocked|impossible] [because of|due to] [fighting|insecurity|attacks on convoys]",
    "[all parties|both sides|the parties] [should|must] [return to|resume|commit to] [talks|dialogue|negotiations] [in {venue}|without conditions|as soon as possible]",
    "[at least|more than] {many} civilians had been [killed|wounded|displaced] in {prov} [this month|since {ago_month}|in the past week]",
)
INTL_DEMAND = C(
    "[an independent investigation|a transparent inquiry|accountability] [into|for] the [attack|killings|deaths]",
    "[restraint|calm|de-escalation] [from all sides|by the security forces|on both sides]",
    "[the protection of civilians|safe passage for civilians|humanitarian access to {prov}]",
    "[the release of|the safe return of|freedom for] [all hostages|those abducted|detained protesters]",
)
ANALYST_QUOTE = C(
    "{gshort} [is|has been] [trying|seeking|looking] to [show|prove|demonstrate] that it [can still|is able to|remains able to] [strike|hit|reach] [the capital|major cities|well-defended targets|{capital}]",
    "The [military approach|government's strategy|crackdown] [has|alone has] [not|failed to|never] [worked|weakened {gshort}|stopped the attacks] [because of|given|amid] {weakness}",
    "[What we are seeing|This attack|The pattern] [suggests|shows|indicates] [a shift in tactics|growing capacity|a new phase] [by|for] {gshort} [in {prov}|towards urban targets|after losses elsewhere]",
    "[There is|We see] [no|little] [sign|evidence] that [the violence|the insurgency|{gshort}] [will|is about to] [ease|end|slow down] [any time soon|this year|before the elections]",
)
ANALYST_PARA = C(
    "{gshort} [has|had] [exploited|benefited from|taken advantage of] {weakness} [to recruit|to expand|to regroup] [in {prov}|across the border|in rural areas]",
    "the [attack|violence|offensive] [reflects|shows|points to] [a rivalry|competition] between {gshort} and {hshort} [for recruits|for territory|for influence] [in {prov}|in the region]",
    "[talks with|dialogue with|negotiations with] {gshort} [remain|seemed|looked] [unlikely|difficult|the only way out] [while|as long as|because] {obstacle}",
    "[the group|{gshort}] [earns|raises|collects] [money|millions of dollars|revenue] from [taxing traders|kidnapping for ransom|extortion|illegal mining|smuggling] [in {prov}|along the border|in areas it controls]",
)
WEAKNESSES = ["weak governance in rural areas", "the withdrawal of foreign troops", "rivalries between security agencies", "widespread poverty and unemployment", "porous borders", "local grievances against the army", "the collapse of a peace deal", "a power vacuum after the coup", "corruption in the security forces", "the lack of state presence in the countryside", "ethnic tensions", "falling public trust in the police"]
OBSTACLES = ["the armed groups remain divided", "neither side trusts the other", "the question of prisoners is unresolved", "the military wants to keep fighting", "foreign backers oppose a deal", "the group demands a withdrawal of troops first", "the fighting on the ground continues"]
CONDITIONS = ["the group stopped attacks on civilians", "it laid down its weapons", "foreign mediators took part", "the talks were held inside the country", "the group released its hostages", "the constitution was respected"]
CONDITIONS2 = ["its prisoners were released", "the military offensive was halted", "foreign troops left the country", "the government met its demands", "the arrests of its members stopped"]
DEAL_SUBJECTS = ["a prisoner exchange", "a ceasefire", "the return of displaced people", "humanitarian corridors", "the disarmament of fighters", "power sharing", "the release of hostages", "border security", "a roadmap to elections", "the reopening of roads", "the withdrawal of fighters from {city}", "the reintegration of former fighters"]
DEAL_TERMS = ["the two sides will release {many} prisoners each within {hours} days", "fighters will withdraw {km} km from {city}", "aid convoys will be allowed into {prov}", "a joint committee will monitor the truce", "displaced families will be allowed to return to {city2}", "the group will hand over heavy weapons to a neutral body", "the government will suspend military operations in {prov}", "elections will be held within {hours} months"]
THREAT_TARGETS = ["government buildings in {capital}", "foreign embassies", "army bases in {prov}", "election officials", "police stations across {prov}", "foreign companies", "the upcoming elections", "officials who cooperate with the army", "mining sites in {prov}", "aid organisations working with the government"]
VISIT_TOPICS = ["security cooperation", "the fight against {gshort}", "trade and investment", "the return of refugees", "humanitarian aid", "border security", "energy projects", "the situation in {prov}", "debt relief", "military training", "the upcoming elections", "migration"]
VISITORS = [("United States", "US", "Secretary of State"), ("Turkey", "Turkish", "Foreign Minister"), ("Qatar", "Qatari", "Foreign Minister"), ("France", "French", "Foreign Minister"), ("China", "Chinese", "Foreign Minister"), ("Russia", "Russian", "Foreign Minister"), ("Britain", "British", "Foreign Secretary"), ("Germany", "German", "Foreign Minister"), ("Saudi Arabia", "Saudi", "Foreign Minister"), ("Iran", "Iranian", "Foreign Minister"), ("India", "Indian", "External Affairs Minister"), ("Italy", "Italian", "Foreign Minister"), ("Japan", "Japanese", "Foreign Minister"), ("South Africa", "South African", "Foreign Minister"), ("United Arab Emirates", "Emirati", "Foreign Minister")]
SLOGANS = ["Down with the government", "We want justice", "Enough is enough", "No to corruption", "Free our leaders", "Bread, freedom, dignity", "We are not afraid", "Give us our rights", "The people want change", "Stop the killings"]
PROTEST_QUOTE = C(
    "[We cannot|Nobody can|My family cannot] [afford|pay for|buy] [bread|food|fuel|rent] [any more|anymore|with these prices] and [the government|the politicians|our leaders] [does nothing|do nothing|only make promises]",
    "[We will|We are going to|We shall] [stay|remain|keep marching] [in the streets|here|until the end] [until|unless] [they listen|our demands are met|{cause} is reversed]",
    "[They|The police] [shot|beat|arrested] [my brother|my neighbour|our friends|students] [for nothing|in front of us|last week] and [nobody|no one] [has been punished|was held responsible|has apologised]",
)
WITNESS_QUOTE = C(
    "[I heard|We heard] [a huge explosion|gunfire|two blasts|heavy shooting] [and|then] [everyone started running|people were screaming|the windows shattered|I hid under a table]",
    "[There were|I saw] [bodies|wounded people|burning cars|children] [everywhere|on the road|in the street|near the gate] and [nobody|no one] [came to help|knew what to do|could stop it] [for hours|at first|]",
    "[They came|The attackers arrived] [at dawn|at night|on motorbikes|in trucks] and [started shooting|fired at everyone|set fire to the houses|took the young men] [without warning|as people slept|]",
    "[We are|Everyone here is|The whole village is] [afraid|terrified|scared] [to go out|to return|to sleep] [because|since] [they|the gunmen|the militants] [could come back|are still nearby|have threatened us]",
)
CAUSE_EVENTS = ["a rise in fuel prices", "the postponement of elections", "the arrest of a popular opposition figure", "a new security law", "the dismissal of the electoral commission", "cuts to public salaries"]
CHANGE_EVENTS = ["the withdrawal of foreign troops", "the collapse of peace talks", "the military coup", "a change of army commanders", "the end of a ceasefire", "the elections", "the army's offensive"]
KIDNAP_VICTIMS = ["students", "passengers", "aid workers", "villagers", "foreign workers", "schoolchildren", "worshippers", "farmers", "engineers"]
DURATIONS = ["three days", "a week", "two weeks", "a month", "the holy month", "72 hours", "the holidays", "an indefinite period"]


# ---------------------------------------------------------------------------
# Articles

KINDS = [("attack", 14), ("bombing", 12), ("airstrike", 6), ("clash", 7), ("kidnap", 5), ("arrest", 8),
         ("protest", 8), ("talks", 5), ("agreement", 3), ("ceasefire", 4), ("threat", 4), ("sanctions", 3),
         ("visit", 4), ("court", 5), ("displacement", 4)]
KIND_CUM = cum([w for _, w in KINDS])
VIOLENT = {"attack", "bombing", "airstrike", "clash", "kidnap"}
FIRST_DAY = datetime.date(2015, 1, 1).toordinal()
LAST_DAY = datetime.date(2025, 12, 31).toordinal()


def number_phrase(n, rnd):
    if n < 10 and rnd() < 0.7:
        return NUM_WORDS[n]
    return str(n)


def cap(s):
    return s[:1].upper() + s[1:]


def tidy(s):
    """A rendered sentence, capitalised, without the gaps empty alternatives leave."""
    if "  " in s:
        s = s.replace("  ", " ")
    if " ," in s or " ." in s:
        s = s.replace(" ,", ",").replace(" .", ".")
    return s[:1].upper() + s[1:]


def person_name(culture, rnd):
    first, last = NAMES[culture]
    return first[int(rnd() * len(first))] + " " + last[int(rnd() * len(last))]


# Context entries that are the same for every article.
GOVERNED = frozenset("province state region governorate county department prefecture".split())
FEMALE = frozenset("Ayesha Nadia Sadia Saima Amal Huda Layla Mona Rania Salma Amina Fadumo Hodan Sahra Aminata Fatoumata Mariam Zainab Ngozi Funmilayo Grace Mercy Selam Tigist Marie Josée Odette Sylvie Ana Graça Helena Luísa Teresa Carolina Claudia Laura Marcela Paola Nadège Rose Stéphanie Maria Leila Risa Corazon Anjali Kavita Meena Priya Sunita Oksana Olena Iryna Natalia Kateryna Anna Tatiana Yelena Ayşe Elif Zeynep Rojda Michal Noa Shira Tamar Alice Catherine Charlotte Elena Emma Isabel Julia Rebecca Sarah Sophie Marie-Claude".split())
VISITOR_CULTURE = {"Indian": "indian", "Qatari": "arabic", "Saudi": "arabic", "Iranian": "arabic", "Emirati": "arabic", "Turkish": "turkish", "Russian": "russian", "South African": "east_africa"}
SANCTIONED_ROLES = ["a senior commander", "a financier", "a spokesman", "a founding member", "a regional leader"]
ACC_LOCAL = ("according to residents", "residents said", "a local official said", "local officials said", "witnesses said", "according to a local elder", "according to local media")
ACC_OFFICIAL = ("officials said", "police said", "the army said", "according to officials", "security sources said", "according to a security official")
ACC_INTL = ("according to the United Nations", "the UN said", "aid agencies said", "according to rights groups")
GROUP_CUM = {n: cum(zipf_weights(n, 1.2)) for n in range(1, 6)}
GROUP_MEMBERS_CAP = {k: tuple(cap(m) for m in g[3]) for k, g in GROUPS.items()}
MONTHS_BEFORE = {m: tuple(MONTHS[(m - 2 - k) % 12] for k in range(3)) for m in range(1, 13)}
YEARS_BEFORE = {y: tuple(str(y - 1 - k) for k in range(6)) for y in range(2015, 2026)}
TARGET_SHORT = {t: t.split(" ", 1)[1] for t in TARGETS}
TARGET_KIND = {t: t.split()[-1] for t in TARGETS}
GLOBAL_CTX = {
    "defence_title": "Defence Minister", "foreign_title": "Foreign Minister", "weekday2": tuple(KB_DAYS),
    "wounded_small": tuple(NUM_WORDS[2:7]),
    "many": tuple(str(n) for n in range(5, 205)), "big": tuple("{:,}".format(100 * n) for n in range(3, 400)),
    "n_r": tuple(NUM_WORDS[2:]) + tuple(str(n) for n in range(10, 32)), "hours": tuple(str(n) for n in range(2, 8)),
    "disp_n": tuple("{:,}".format(1000 * n) for n in range(2, 300)),
    "disp_k": tuple("{:,}".format(1000 * n) for n in range(2, 300)) + ("Thousands", "Tens of thousands") * 30,
    "money": tuple(f"${n} million" for n in range(1, 300)),
    "n_officers": tuple(str(n) for n in range(3, 60)),
    "venue2": tuple(v for _, v in MEDIATORS[:6]),
    "sanctioner_cap": tuple(cap(s) for s in SANCTIONERS), "sanctioner2": tuple(SANCTIONERS),
    "monitor": tuple(MONITORS), "monitor_cap": tuple(cap(m) for m in MONITORS),
    "cause_event": tuple(CAUSE_EVENTS), "change_event": tuple(CHANGE_EVENTS),
    "slogan": tuple(SLOGANS), "weakness": tuple(WEAKNESSES), "obstacle": tuple(OBSTACLES),
    "condition": tuple(CONDITIONS), "condition2": tuple(CONDITIONS2), "duration": tuple(DURATIONS),
    "group_goal": tuple(GROUP_GOALS), "agency": tuple(a for a, _ in AGENCIES), "bad_term": tuple(BAD_TERMS),
    "protest_fear": ("the vote will be delayed again", "the vote will not be fair", "the unrest will grow before the vote", "the army will intervene"),
    "deal_subject": Phrases(C(*DEAL_SUBJECTS)), "deal_subject2": Phrases(C(*DEAL_SUBJECTS)),
    "deal_term": Phrases(C(*DEAL_TERMS)), "deal_term2": Phrases(C(*DEAL_TERMS)),
    "threat_target": Phrases(C(*THREAT_TARGETS)), "visit_topic": Phrases(C(*VISIT_TOPICS)),
    "visit_topic2": Phrases(C(*VISIT_TOPICS)), "visit_topic3": Phrases(C(*VISIT_TOPICS)),
    "recap_inline": Phrases(RECAP_INLINE),
    "gov_quote": CapPhrases(GOV_QUOTE), "gov_paraphrase": Phrases(GOV_PARA), "gov_paraphrase2": Phrases(GOV_PARA2),
    "army_claim": Phrases(ARMY_CLAIM), "group_quote": CapPhrases(GROUP_QUOTE), "group_paraphrase": Phrases(GROUP_PARA),
    "intl_quote": CapPhrases(INTL_QUOTE), "intl_paraphrase": Phrases(INTL_PARA), "intl_demand": Phrases(INTL_DEMAND),
    "analyst_quote": CapPhrases(ANALYST_QUOTE), "analyst_paraphrase": Phrases(ANALYST_PARA),
    "protest_quote": CapPhrases(PROTEST_QUOTE), "witness_quote": CapPhrases(WITNESS_QUOTE),
    "pol_quote": CapPhrases(POL_QUOTE), "pol_paraphrase": Phrases(POL_PARA), "group_pol_quote": CapPhrases(GROUP_POL_QUOTE),
    "intl_pol_demand": Phrases(INTL_POL_DEMAND), "intl_pol_para": Phrases(INTL_POL_PARA),
    "intl_pol_quote": CapPhrases(INTL_POL_QUOTE), "analyst_pol_quote": CapPhrases(ANALYST_POL_QUOTE),
}


class Generator:
    def __init__(self, seed, words):
        self.world = World()
        self.rng = random.Random(seed)
        self.seed = seed
        self.words = words
        self.bases = {}
        self.neighbours = {}
        names = [r["country"] for r in self.world.regions]
        near = {
            "Afghanistan": ["Pakistan", "Iran", "Tajikistan"], "Pakistan": ["Afghanistan", "India", "Iran"],
            "Somalia": ["Kenya", "Ethiopia"], "Nigeria": ["Niger", "Cameroon", "Chad"], "Mali": ["Burkina Faso", "Niger", "Algeria", "Mauritania"],
            "Yemen": ["Saudi Arabia", "Oman"], "Syria": ["Turkey", "Iraq", "Lebanon", "Jordan"], "Israel": ["Lebanon", "Egypt", "Jordan", "Syria"],
            "Benin": ["Burkina Faso", "Niger", "Nigeria", "Togo"], "Burkina Faso": ["Mali", "Niger", "Ghana", "Benin"], "Iraq": ["Syria", "Iran", "Turkey"],
            "Democratic Republic of Congo": ["Rwanda", "Uganda", "Burundi"], "Sudan": ["Chad", "South Sudan", "Egypt"],
            "Colombia": ["Venezuela", "Ecuador"], "Myanmar": ["Bangladesh", "Thailand", "China"], "Niger": ["Nigeria", "Mali", "Burkina Faso"],
            "Kenya": ["Somalia", "Ethiopia"], "Mozambique": ["Tanzania", "Rwanda"], "Lebanon": ["Israel", "Syria"],
            "Ethiopia": ["Eritrea", "Sudan", "Somalia"], "Libya": ["Egypt", "Tunisia", "Chad"], "Mexico": ["the United States", "Guatemala"],
            "Philippines": ["Malaysia", "Indonesia"], "India": ["Pakistan", "Bangladesh"], "Haiti": ["the Dominican Republic"],
            "Turkey": ["Syria", "Iraq"], "Cameroon": ["Nigeria", "Chad"], "Egypt": ["Israel", "Libya", "Sudan"],
            "Central African Republic": ["Chad", "Sudan", "Cameroon"], "Chad": ["Sudan", "Niger", "Libya"],
        }
        for n in names:
            self.neighbours[n] = near.get(n, ["its neighbours"])

    def _base(self, reg):
        """Context entries that depend on the region only."""
        base = dict(GLOBAL_CTX)
        nb = self.neighbours[reg["country"]]
        base.update({
            "country": reg["country"], "demonym": reg["demonym"], "capital": reg["capital"],
            "rcity": tuple(reg["cities"]), "army": reg["army"], "army_cap": cap(reg["army"]),
            "police": reg["police"], "police_cap": cap(reg["police"]), "head_title": reg["head"],
            "interior_title": "Home Minister" if reg["country"] == "India" else "Interior Minister",
            "envoy": reg["envoy"], "neighbours": tuple(nb),
        })
        return base

    def context(self, i):
        rnd = self.rng.random
        w = self.world
        ri = pick_cum(w.region_cum, rnd)
        reg = w.regions[ri]
        base = self.bases.get(ri)
        if base is None:
            base = self.bases[ri] = self._base(reg)
        day = FIRST_DAY + int(rnd() * (LAST_DAY - FIRST_DAY + 1))
        date = datetime.date.fromordinal(day)
        year = date.year
        era = 0 if year <= 2018 else (1 if year <= 2021 else 2)
        groups = reg["groups"]
        gi = pick_cum(GROUP_CUM[len(groups)], rnd)
        gkey = groups[gi]
        hkey = groups[(gi + 1) % len(groups)] if len(groups) > 1 else ("IS" if gkey != "IS" else "ISKP")
        g = GROUPS[gkey]
        h = GROUPS[hkey]
        gfull = g[0]
        gshort_name = g[1] or gfull
        acronym = gshort_name[4:] if gshort_name.startswith("the ") else gshort_name
        g_intro = f"{gfull} ({acronym})" if g[1] and acronym.isupper() and rnd() < 0.8 else gfull
        hshort = h[1] or h[0]
        cities = reg["cities"]
        nc = len(cities)
        ci = int(rnd() * nc)
        city = cities[ci]
        city2 = cities[(ci + 1 + int(rnd() * (nc - 1))) % nc]
        prov = reg["city_prov"][city]
        off = reg["officials"]
        culture = reg["culture"]
        # the event happened 0-6 days before publication
        back = int(rnd() * rnd() * 7)
        ev = date - datetime.timedelta(days=back) if back else date
        wd = KB_DAYS[ev.weekday()]
        md = f"{MONTHS[ev.month - 1]} {ev.day}"
        if back == 0:
            when = ("on " + wd, "on " + wd, "on " + md, "early on " + wd, "late on " + wd)
        else:
            when = ("on " + wd, "on " + wd, "on " + md, "on " + wd + " night", "on " + wd + " morning", "last " + wd if back > 3 else "on " + wd)
        ago = []
        for _ in range(3):
            k = 8 + int(rnd() * 700)
            d = datetime.date.fromordinal(day - k)
            m = MONTHS[d.month - 1]
            if k < 40:
                ago += ["last month" if d.month != date.month else "earlier this month", f"on {m} {d.day}", f"{NUM_WORDS[k // 7]} weeks ago" if k >= 14 else "last week"]
            elif d.year == year:
                ago += [f"in {m}", "earlier this year", f"on {m} {d.day}"]
            else:
                ago += [f"in {m} {d.year}", "last year" if d.year == year - 1 else f"in {d.year}", f"in late {d.year}" if d.month > 8 else f"in early {d.year}"]
        since = []
        for _ in range(2):
            k = 20 + int(rnd() * 900)
            d = datetime.date.fromordinal(day - k)
            since.append(f"since {MONTHS[d.month - 1]}" if d.year == year else (f"since {MONTHS[d.month - 1]} {d.year}" if k < 500 else f"since {d.year}"))
        since.append("since last year" if date.month > 3 else "since the start of the year")
        killed = 2 + int(rnd() * rnd() * 60)
        wounded = killed + 1 + int(rnd() * 40)
        org, orgwho, orgperson = w.orgs[pick_cum(w.org_cum, rnd)]
        analyst, tank = w.analysts[pick_cum(w.analyst_cum, rnd)]
        mediator, venue = MEDIATORS[int(rnd() * len(MEDIATORS))]
        vc, vadj, vtitle = VISITORS[int(rnd() * len(VISITORS))]
        gspox, gleader = w.group_people[gkey]
        target = TARGETS[int(rnd() * len(TARGETS))]
        local = person_name(culture, rnd)
        kv = KIDNAP_VICTIMS[int(rnd() * len(KIDNAP_VICTIMS))]
        km = 10 + int(rnd() * 400)
        nb = base["neighbours"]
        ctx = base.copy()
        ctx.update({
            "city": city, "city2": city2, "prov": prov,
            "g_intro": g_intro, "gshort": gshort_name, "gshort2": gshort_name, "gfull": gfull, "gmembers": g[3],
            "gmembers_cap": GROUP_MEMBERS_CAP[gkey], "gmedia": g[5] or "social media",
            "gfounded": str(g[4]), "gspox": gspox, "gleader": gleader,
            "hshort": hshort, "hg_any": (gshort_name, hshort, hshort), "hgmembers": g[3] + h[3],
            "head": off["head"][era], "interior": off["interior"][era],
            "defence": off["defence"][era], "foreign": off["foreign"][era],
            "army_spox": off["army_spox"][era], "police_spox": off["police_spox"][era],
            "head_year": str(World.ERAS[era][0] - 1 - int(rnd() * 2)), "target_year": str(year + 1 + int(rnd() * 3)),
            "neighbour": nb[int(rnd() * len(nb))],
            "when": when, "weekday": wd, "day_after": KB_DAYS[(ev.weekday() + 1) % 7],
            "ago": ago, "since": since, "ago_cap": [cap(a) for a in ago], "ago_month": MONTHS_BEFORE[ev.month],
            "ago_year": str(year - 1 - int(rnd() * 3)), "year_past": YEARS_BEFORE[year],
            "month_past": MONTHS[(ev.month - 2) % 12],
            "killed": number_phrase(killed, rnd), "killed_cap": cap(number_phrase(killed, rnd)),
            "killed2": str(killed + 1 + int(rnd() * 9)), "wounded": number_phrase(wounded, rnd),
            "arrested": number_phrase(2 + int(rnd() * 30), rnd),
            "many2": str(20 + int(rnd() * 900)), "many3": str(20 + int(rnd() * 900)),
            "km": str(km), "mi": str(int(km * 0.621)), "pct": str(10 + int(rnd() * 60)),
            "target": target, "target_short": TARGET_SHORT[target], "target_kind": TARGET_KIND[target],
            "victims": VICTIMS[int(rnd() * len(VICTIMS))], "weapon": WEAPONS[int(rnd() * len(WEAPONS))],
            "kvictims": kv, "kvictims_cap": cap(kv),
            "local_name": local, "pron": "she" if local.split(" ", 1)[0] in FEMALE else "he",
            "orgname": org, "orgname_cap": cap(org), "orgwho": orgwho, "orgperson": orgperson,
            "analyst": analyst, "think_tank": tank, "mediator": mediator, "venue": venue,
            "visitor": person_name(VISITOR_CULTURE.get(vadj, "western"), rnd),
            "visitor_title": vtitle if rnd() < 0.6 else vadj + " " + vtitle, "visitor_country": vc, "visitor_country_adj": vadj,
            "sanctioned": (f"{gspox}, {SANCTIONED_ROLES[int(rnd() * 5)]} of {gshort_name},", f"{gleader}, {SANCTIONED_ROLES[int(rnd() * 5)]} of {gshort_name},", f"{person_name(culture, rnd)}, {SANCTIONED_ROLES[int(rnd() * 5)]} of {gshort_name},"),
            "sanctioned_n": number_phrase(2 + int(rnd() * 12), rnd),
            "cause": PROTEST_CAUSES[int(rnd() * len(PROTEST_CAUSES))],
            "acc_local": ACC_LOCAL + (f"a hospital official in {city2} said",),
            "acc_official": ACC_OFFICIAL + (f"a spokesman for {reg['police']} said", f"the governor's office in {prov} said", f"{reg['governors'][prov]}, the governor of {prov}, said" if prov.rsplit(" ", 1)[-1] in GOVERNED else "officials said"),
            "acc_intl": ACC_INTL + (f"according to {org}", f"{org} said"),
        })
        actors = [gfull, reg["country"], ctx["head"]]
        return ctx, reg, date, actors

    def article(self, i):
        rnd = self.rng.random
        ctx, reg, date, actors = self.context(i)
        kind = KINDS[pick_cum(KIND_CUM, rnd)][0]
        violent = kind in VIOLENT
        ctx["this_event"] = THIS_EVENT["violent" if violent else kind if kind in THIS_EVENT else "other"]
        agency, slug = AGENCIES[int(rnd() * len(AGENCIES))]
        ev_date = date
        dl_city = ctx["city"] if rnd() < 0.6 or kind in ("protest",) else ctx["capital"]
        if kind in ("talks", "agreement"):
            dl_city = ctx["venue"] if rnd() < 0.6 else ctx["capital"]
        dateline = f"{dl_city.upper()}, {MONTHS[ev_date.month - 1]} {ev_date.day} ({agency}) - " if rnd() < 0.75 else ""
        lead = tidy(render(LEADS[kind][int(rnd() * len(LEADS[kind]))], ctx, rnd))
        paragraphs = [dateline + lead]
        target = int(self.words * (0.75 + 0.5 * rnd()))
        n_words = paragraphs[0].count(" ") + 1
        # blocks of candidate sentences, each drawn without replacement
        details = list(DETAILS["violent" if violent else kind])
        if kind == "protest":
            blocks = [
                ("detail", details),
                ("gov", list(PROTEST_GOV)),
                ("intl", list(PROTEST_INTL)),
                ("background", list(PROTEST_BACKGROUND)),
                ("context", list(CONTEXT_ANY[1:])),
            ]
        elif violent or kind == "displacement":
            blocks = [
                ("detail", details),
                ("gov", list(QUOTES_GOV) if violent else list(GOV_HUMAN) + list(QUOTES_GOV[5:])),
                ("group", list(QUOTES_GROUP)),
                ("intl", list(QUOTES_INTL)),
                ("analyst", list(QUOTES_ANALYST)),
                ("background", list(BACKGROUND)),
                ("context", list(CONTEXT_ANY) + list(CONTEXT_FIELD)),
            ]
            if kind == "displacement":
                blocks.append(("detail2", list(DETAILS["violent"][5:7])))
        elif kind in ("arrest", "threat", "court"):
            blocks = [
                ("detail", details),
                ("gov", list(QUOTES_GOV[3:])),
                ("group", list(QUOTES_GROUP[1:])),
                ("intl", list(INTL_LEGAL)),
                ("analyst", list(QUOTES_ANALYST)),
                ("background", list(BACKGROUND)),
                ("context", list(CONTEXT_ANY)),
            ]
        else:  # talks, agreement, ceasefire, sanctions, visit
            blocks = [
                ("detail", details),
                ("gov", list(GOV_POL)),
                ("group", list(GROUP_POL) if kind != "visit" else []),
                ("intl", list(INTL_POL)),
                ("analyst", list(ANALYST_POL)),
                ("background", list(BACKGROUND)),
                ("context", list(CONTEXT_ANY)),
            ]
        # detail first most of the time, then the rest in random order
        first, rest = blocks[0], blocks[1:]
        self.rng.shuffle(rest)
        order = [first] + rest if rnd() < 0.8 else rest[:1] + [first] + rest[1:]
        recaps = list(RECAPS)
        bi = 0
        while n_words < target:
            name, pool = order[bi % len(order)]
            bi += 1
            take = 1 + int(rnd() * 3) if name == "detail" else 1 + int(rnd() * 2)
            sents = []
            while pool and len(sents) < take:
                sents.append(tidy(pool.pop(int(rnd() * len(pool)))(ctx, rnd)))
            if not sents:
                # the blocks are used up: earlier events fill the rest
                if not recaps:
                    recaps = list(RECAPS)
                sents.append(tidy(recaps.pop(int(rnd() * len(recaps)))(ctx, rnd)))
            para = " ".join(sents)
            paragraphs.append(para)
            n_words += para.count(" ") + 1
        text = "\n\n".join(paragraphs)
        title = cap(render(TITLES[kind][int(rnd() * len(TITLES[kind]))], ctx, rnd))
        aid = f"{self.seed}-{i:07d}"
        return {
            "id": aid,
            "date": date.isoformat(),
            "title": title,
            "url": f"https://news.example/{slug}/{aid}",
            "source": agency,
            "text": text,
        }, actors, kind


def generate(n, seed, words):
    gen = Generator(seed, words)
    for i in range(n):
        yield gen.article(i)


# ---------------------------------------------------------------------------
# --check

WORD = re.compile(r"[\w']+")


def shingles(text, k=5):
    w = WORD.findall(text.lower())
    return {hash(" ".join(w[i : i + k])) for i in range(len(w) - k + 1)}


def check(n, seed, words, sample):
    start = time.perf_counter()
    arts = []
    actor_count = {}
    kinds = {}
    n_words = 0
    for art, actors, kind in generate(n, seed, words):
        arts.append(art)
        n_words += len(art["text"].split())
        kinds[kind] = kinds.get(kind, 0) + 1
        for a in actors[:1]:
            actor_count[a] = actor_count.get(a, 0) + 1
    gen_secs = time.perf_counter() - start
    ids = {a["id"] for a in arts}
    urls = {a["url"] for a in arts}
    assert len(ids) == n and len(urls) == n, "ids or urls are not unique"
    print(f"generated {n} articles, {n_words} words ({n_words / n:.0f} per article) in {gen_secs:.2f} s: {n / gen_secs:.0f} articles/s")
    dates = sorted(a["date"] for a in arts)
    print(f"dates {dates[0]} .. {dates[-1]}; kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])))
    top = sorted(actor_count.items(), key=lambda kv: -kv[1])[:8]
    print("main armed actor, most frequent: " + ", ".join(f"{a} {100 * c / n:.1f}%" for a, c in top) + f" ({len(actor_count)} groups in all)")
    # exact nearest neighbour over all n articles for a sample of them
    r = random.Random(seed + 1)
    picks = sorted(r.sample(range(n), min(sample, n)))
    sets = [shingles(arts[j]["text"]) for j in picks]
    index = {}
    for s_i, s in enumerate(sets):
        for h in s:
            index.setdefault(h, []).append(s_i)
    best = [0.0] * len(picks)
    best_j = [-1] * len(picks)
    sizes = [len(s) for s in sets]
    t0 = time.perf_counter()
    for j, art in enumerate(arts):
        sj = shingles(art["text"])
        counts = {}
        for h in sj:
            post = index.get(h)
            if post:
                for s_i in post:
                    counts[s_i] = counts.get(s_i, 0) + 1
        lj = len(sj)
        for s_i, c in counts.items():
            if picks[s_i] == j:
                continue
            jac = c / (sizes[s_i] + lj - c)
            if jac > best[s_i]:
                best[s_i] = jac
                best_j[s_i] = j
    srt = sorted(best)
    k = max(range(len(best)), key=best.__getitem__)
    print(f"5-word-shingle Jaccard to the nearest other article, {len(picks)} sampled articles against all {n} "
          f"({time.perf_counter() - t0:.1f} s): max {srt[-1]:.3f}, p99 {srt[int(0.99 * (len(srt) - 1))]:.3f}, "
          f"median {srt[len(srt) // 2]:.3f}, mean {sum(best) / len(best):.3f}; mean shingles per article {sum(sizes) / len(sizes):.0f}")
    print(f"most similar pair: {arts[picks[k]]['id']} and {arts[best_j[k]]['id']}")
    return srt[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", help="number of articles")
    ap.add_argument("--words", type=int, default=400, help="mean words per article (default 400)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--check", type=int, metavar="N", help="generate N articles and report their similarity instead of writing them")
    ap.add_argument("--sample", type=int, default=500, help="articles sampled by --check (default 500)")
    args = ap.parse_args()
    if args.check:
        check(args.check, args.seed, args.words, args.sample)
        return
    if args.n is None:
        ap.error("give N, the number of articles, or --check N")
    out = sys.stdout
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    buf = []
    for art, _, _ in generate(args.n, args.seed, args.words):
        buf.append(dumps(art))
        if len(buf) >= 512:
            buf.append("")
            out.write("\n".join(buf))
            buf = []
    if buf:
        buf.append("")
        out.write("\n".join(buf))


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.stderr.close()
