"""packet: turn a teacher's source documents into printable classroom packets.

The pipeline, one module per stage:

    project.load_project   packet.toml, seeds/, content/  ->  Project
    assemble.assemble      Project + lesson + edition      ->  Packet (what templates receive)
    render.render_html     Packet + templates               ->  HTML text
    render.render_pdf      HTML text                        ->  PDF bytes
    build.build            the orchestrator, writing outputs atomically

`check.check_project` validates a Project against its seeds.
"""

__version__ = "0.1.0"
