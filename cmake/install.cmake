# Installation and the CMake package (pbp::pbp). Extended by the packaging work.
install(TARGETS pbp EXPORT pbpTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/pbp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET pbp_cli)
  install(TARGETS pbp_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(DIRECTORY examples/models/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pbp/models FILES_MATCHING PATTERN "*.json")
