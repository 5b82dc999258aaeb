module TopModule(input [7:0] req, output reg [7:0] grant, output reg [2:0] grant_idx,
                 output valid);
  integer i;
  assign valid = (req != 8'h00);
  always @* begin
    grant = 8'h00;
    grant_idx = 3'd0;
    for (i = 0; i < 8; i = i + 1)           // last match wins: priority reversed
      if (req[i]) begin
        grant = 8'h00;
        grant[i] = 1'b1;
        grant_idx = i[2:0];
      end
  end
endmodule
