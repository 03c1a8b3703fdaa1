import { describe, expect, it } from 'vitest';

import { XliffReader } from '../../../lib/xliff/xliff-reader';

function read(xml: string, pieces = 1) {
  const reader = new XliffReader();
  const size = Math.ceil(xml.length / pieces);
  for (let at = 0; at < xml.length; at += size) reader.write(xml.slice(at, at + size));
  return reader.end();
}

describe('the XLIFF reader', () => {
  it('reads 2.0 units whatever the prefixes and order, inline codes left out and marked text kept, segments joined', () => {
    const xml = `<?xml version='1.0'?>
      <x:xliff trgLang="ru" xmlns:x="urn:oasis:names:tc:xliff:document:2.0" xmlns:m="urn:oasis:names:tc:xliff:metadata:2.0" version="2.1" srcLang="en">
        <x:file id="f"><x:unit id="u1">
          <m:metadata><m:metaGroup category="interlinear"><m:meta type="kind">sentence</m:meta><m:meta type="target-revision"> r1 </m:meta></m:metaGroup></m:metadata>
          <x:notes><x:note>A note with a <![CDATA[target]]> word.</x:note></x:notes>
          <x:segment state="translated" id="s1"><x:source>One.</x:source><x:target>Один<x:ph id="p" disp="[p. 2]"/> <x:pc id="b">жирный</x:pc> &amp; <x:mrk id="m">т. д.</x:mrk></x:target></x:segment>
          <x:ignorable><x:source> </x:source><x:target> </x:target></x:ignorable>
          <x:segment id="s2"><x:source>Two.</x:source><x:target>Два.</x:target></x:segment>
        </x:unit>
        <x:unit id="u2"><x:segment><x:source>No target.</x:source></x:segment></x:unit></x:file>
      </x:xliff>`;
    for (const pieces of [1, 7, 50]) {
      expect(read(xml, pieces)).toEqual({
        version: '2.0',
        sourceLanguage: 'en',
        targetLanguage: 'ru',
        units: [
          { id: 'u1', targetRevision: 'r1', target: 'Один жирный & т. д. Два.', isTooLong: false },
          { id: 'u2', targetRevision: null, target: null, isTooLong: false },
        ],
      });
    }
  });

  it('reads 1.2 units in groups, their revision context, and never an alternative translation’s target', () => {
    const xml = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="w" source-language="en" target-language="ru-RU" datatype="plaintext"><body><group>
      <trans-unit id="u1"><source>One <x id="1" ctype="pb"/>page.</source><target state="translated">Одна <bpt id="1">&lt;b&gt;</bpt>страница<ept id="1">&lt;/b&gt;</ept>.</target>
        <alt-trans><target>Чужой вариант.</target></alt-trans>
        <context-group name="interlinear"><context context-type="x-interlinear-target-revision">none</context></context-group></trans-unit>
    </group></body></file></xliff>`;
    expect(read(xml)).toEqual({ version: '1.2', sourceLanguage: 'en', targetLanguage: 'ru-RU', units: [{ id: 'u1', targetRevision: 'none', target: 'Одна страница.', isTooLong: false }] });
  });

  it('refuses a document type, entities it does not know, other roots and versions, and files of two language pairs', () => {
    expect(() => read('<!DOCTYPE xliff><xliff version="2.0"/>')).toThrow('declares a document type');
    expect(() => read('<xliff version="2.0" srcLang="en" trgLang="ru">&xxe;</xliff>')).toThrow('not well-formed XML');
    expect(() => read('<tmx version="1.4"/>')).toThrow('not XLIFF');
    expect(() => read('<xliff version="3.0"/>')).toThrow('XLIFF 2.0 and 1.2 are imported');
    expect(() => read('')).toThrow();
    expect(() => read('<xliff version="1.2"><file source-language="en" target-language="ru"/><file source-language="en" target-language="de"/></xliff>')).toThrow('different languages');
  });
});
